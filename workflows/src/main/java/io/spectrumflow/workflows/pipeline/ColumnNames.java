package io.spectrumflow.workflows.pipeline;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns field names into column names Glue and Redshift accept: lowercase; every code point outside
 * {@code [a-z0-9_]} becomes {@code _}; a leading digit gets a {@code _} prefix; an empty name
 * becomes {@code col_<n>} (its 1-based column position); at most 127 characters.
 *
 * <p>Which field gets which name when two clash is {@link ColumnMap}'s rule. An instance assigns
 * names the way runs did before that rule: the partition column's name is taken from the start, and
 * a name already taken gets {@code _2}, {@code _3}, ... in order of first appearance. Only workflow
 * runs begun before the rule still merge chunk columns so (see {@code ChunkColumns}).
 */
public final class ColumnNames {

  public static final int MAX_LENGTH = 127;

  private final Set<String> taken = new HashSet<>();
  private final Map<String, String> renamed = new LinkedHashMap<>();
  private int assigned;

  /**
   * @param partitionColumn reserved: no field may take the partition column's name; null for none
   */
  public ColumnNames(String partitionColumn) {
    if (partitionColumn != null && !partitionColumn.isEmpty()) {
      taken.add(sanitize(partitionColumn, 0));
    }
  }

  /** The unique column name for the next new field. */
  public String assign(String fieldName) {
    assigned++;
    String name = ColumnMap.free(sanitize(fieldName, assigned), taken);
    taken.add(name);
    if (!name.equals(fieldName)) {
      renamed.put(fieldName, name);
    }
    return name;
  }

  /** Field name to column name, for the fields whose names had to change, in assignment order. */
  public Map<String, String> renamed() {
    return renamed;
  }

  /** The legal form of one name, before clashes are resolved. */
  public static String sanitize(String name, int position) {
    if (name.isEmpty()) {
      return "col_" + position;
    }
    StringBuilder legal = new StringBuilder(name.length() + 1);
    name.codePoints()
        .forEach(
            c -> {
              if (c >= 'A' && c <= 'Z') {
                legal.append((char) (c + ('a' - 'A')));
              } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
                legal.append((char) c);
              } else {
                legal.append('_');
              }
            });
    if (legal.charAt(0) >= '0' && legal.charAt(0) <= '9') {
      legal.insert(0, '_');
    }
    if (legal.length() > MAX_LENGTH) {
      legal.setLength(MAX_LENGTH);
    }
    return legal.toString();
  }

  /** Whether a name is already legal as it is, as a given schema's names must be. */
  public static boolean isLegal(String name) {
    return !name.isEmpty() && sanitize(name, 0).equals(name);
  }
}
