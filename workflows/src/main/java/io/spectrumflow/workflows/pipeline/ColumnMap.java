package io.spectrumflow.workflows.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which column each field of a batch lands in, decided from the batch's set of fields and the
 * existing table, never from the order the fields appear in:
 *
 * <ol>
 *   <li>a field the table records for a column (its {@code spectrumflow.field} parameter) lands in
 *       that column;
 *   <li>a table column that records no field (a table from before fields were recorded, or made by
 *       a crawler) is held by the batch's field of exactly its name, or else by the first, in Java
 *       string order, of the batch's fields whose legal form is its name;
 *   <li>a new field whose name is legal and no column's gets its own name;
 *   <li>every other new field, in Java string order of their exact names, gets its legal form, or
 *       that with {@code _2}, {@code _3}, ... (see {@link ColumnNames#sanitize}), the first no
 *       table column, partition column or other field has.
 * </ol>
 *
 * So {@code "A b"} and {@code "a_b"} new in one batch get {@code a_b_2} and {@code a_b} in any
 * order; and once a table holds a field, every batch puts it in the same column.
 */
public final class ColumnMap {

  /**
   * A column of the existing table and the field it holds.
   *
   * @param column the column's name
   * @param field the field as named in the input; null when the table does not record it
   */
  public record Held(String column, String field) {}

  private ColumnMap() {}

  /**
   * @param fields the batch's distinct fields, in order of first appearance (which only numbers an
   *     empty name's {@code col_<n>})
   * @param partitionColumn reserved: no field may take its name; null for none
   * @param table the existing table's data columns; empty when there is no table yet
   * @return each field's column, in the order of {@code fields}
   */
  public static Map<String, String> of(
      List<String> fields, String partitionColumn, List<Held> table) {
    Set<String> taken = new HashSet<>();
    if (partitionColumn != null && !partitionColumn.isEmpty()) {
      taken.add(ColumnNames.sanitize(partitionColumn, 0));
    }
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      positions.put(fields.get(i), i + 1);
    }
    Map<String, String> columns = new HashMap<>();
    Map<String, String> recorded = new HashMap<>();
    for (Held held : table) {
      // a column is given once, should a table list a name or a field twice
      if (taken.add(held.column()) && held.field() != null) {
        recorded.putIfAbsent(held.field(), held.column());
      }
    }
    for (String field : fields) {
      String column = recorded.get(field);
      if (column != null) {
        columns.put(field, column);
      }
    }
    Map<String, List<String>> byLegalForm = new HashMap<>();
    for (String field : fields) {
      if (!columns.containsKey(field)) {
        byLegalForm
            .computeIfAbsent(
                ColumnNames.sanitize(field, positions.get(field)), f -> new ArrayList<>())
            .add(field);
      }
    }
    Set<String> given = new HashSet<>(recorded.values());
    for (Held held : table) {
      if (held.field() == null && given.add(held.column())) {
        String holder = unrecordedHolder(held.column(), byLegalForm.get(held.column()), columns);
        if (holder != null) {
          columns.put(holder, held.column());
        }
      }
    }
    List<String> renamed = new ArrayList<>();
    for (String field : fields) {
      if (columns.containsKey(field)) {
        continue;
      }
      if (ColumnNames.isLegal(field) && !taken.contains(field)) {
        columns.put(field, field);
        taken.add(field);
      } else {
        renamed.add(field);
      }
    }
    renamed.sort(null);
    for (String field : renamed) {
      String name = free(ColumnNames.sanitize(field, positions.get(field)), taken);
      columns.put(field, name);
      taken.add(name);
    }
    Map<String, String> ordered = new LinkedHashMap<>();
    fields.forEach(field -> ordered.put(field, columns.get(field)));
    return ordered;
  }

  /**
   * The field of exactly the column's name, or else the first in string order, among the candidates
   * (fields whose legal form is its name) no column holds yet.
   */
  private static String unrecordedHolder(
      String column, List<String> candidates, Map<String, String> columns) {
    if (candidates == null) {
      return null;
    }
    String holder = null;
    for (String field : candidates) {
      if (columns.containsKey(field)) {
        continue;
      }
      if (field.equals(column)) {
        return field;
      }
      if (holder == null || field.compareTo(holder) < 0) {
        holder = field;
      }
    }
    return holder;
  }

  /** {@code base}, or with the first numbered suffix that is not taken; at most 127 characters. */
  static String free(String base, Set<String> taken) {
    String name = base;
    for (int n = 2; taken.contains(name); n++) {
      String suffix = "_" + n;
      name =
          base.substring(0, Math.min(base.length(), ColumnNames.MAX_LENGTH - suffix.length()))
              + suffix;
    }
    return name;
  }
}
