package io.spectrumflow.local.cli;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/** A Data API result set as an aligned text table. */
final class StatementTable {

  private StatementTable() {}

  static String of(GetStatementResultResponse result) {
    List<String> header = result.columnMetadata().stream().map(ColumnMetadata::name).toList();
    List<List<String>> rows = new ArrayList<>();
    for (List<Field> record : result.records()) {
      rows.add(record.stream().map(StatementTable::text).toList());
    }
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(out, rule, widths);
    rows.forEach(row -> line(out, row, widths));
    out.append("(").append(rows.size()).append(rows.size() == 1 ? " row)" : " rows)");
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      out.append(i == 0 ? " " : " | ").append(String.format("%-" + widths[i] + "s", cells.get(i)));
    }
    out.append('\n');
  }

  private static String text(Field field) {
    if (Boolean.TRUE.equals(field.isNull())) {
      return "NULL";
    }
    if (field.longValue() != null) {
      return field.longValue().toString();
    }
    if (field.doubleValue() != null) {
      return field.doubleValue().toString();
    }
    if (field.booleanValue() != null) {
      return field.booleanValue().toString();
    }
    return field.stringValue() == null ? "" : field.stringValue();
  }
}
