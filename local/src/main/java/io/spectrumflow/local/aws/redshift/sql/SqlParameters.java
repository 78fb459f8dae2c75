package io.spectrumflow.local.aws.redshift.sql;

import java.util.Map;

/**
 * The Data API's named parameters: each {@code :name} outside literals, identifiers and comments
 * becomes the value as a string literal, which Redshift (and DuckDB) cast by context. {@code ::}
 * casts are left alone.
 */
public final class SqlParameters {

  private SqlParameters() {}

  public static String apply(String sql, Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return sql;
    }
    String scan = SqlText.blankLiterals(sql);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '"') {
        int end = sql.indexOf('"', i + 1);
        end = end < 0 ? sql.length() : end + 1;
        out.append(sql, i, end);
        i = end;
        continue;
      }
      boolean isParameter =
          scan.charAt(i) == ':'
              && (i == 0 || sql.charAt(i - 1) != ':')
              && i + 1 < sql.length()
              && sql.charAt(i + 1) != ':'
              && Character.isJavaIdentifierStart(sql.charAt(i + 1));
      if (isParameter) {
        int end = i + 1;
        while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
          end++;
        }
        String name = sql.substring(i + 1, end);
        if (parameters.containsKey(name)) {
          out.append('\'').append(parameters.get(name).replace("'", "''")).append('\'');
          i = end;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
