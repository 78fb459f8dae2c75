package io.spectrumflow.local.aws.redshift.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text scans of SQL, enough to route statements without parsing them: comments and string
 * literals are blanked before looking for {@code schema.table} references.
 */
final class SqlText {

  private static final Pattern NAME_PAIR =
      Pattern.compile(
          "(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_$]*))\\s*\\.\\s*(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_$]*))");

  private SqlText() {}

  /** A table named with its schema. */
  record TableName(String schema, String table) {}

  /** The statement without surrounding whitespace, leading comments or trailing semicolons. */
  static String trim(String sql) {
    String text = sql.strip();
    boolean changed = true;
    while (changed) {
      changed = false;
      if (text.startsWith("--")) {
        int end = text.indexOf('\n');
        text = end < 0 ? "" : text.substring(end + 1).strip();
        changed = true;
      } else if (text.startsWith("/*")) {
        int end = text.indexOf("*/");
        text = end < 0 ? "" : text.substring(end + 2).strip();
        changed = true;
      } else if (text.endsWith(";")) {
        text = text.substring(0, text.length() - 1).strip();
        changed = true;
      }
    }
    return text;
  }

  /** The tables of the given schemas that {@code sql} names as {@code schema.table}. */
  static Set<TableName> tablesIn(String sql, Set<String> schemas) {
    Set<TableName> found = new LinkedHashSet<>();
    Matcher matcher = NAME_PAIR.matcher(blankLiterals(sql));
    int from = 0;
    while (matcher.find(from)) {
      String schema = lower(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
      String table = lower(matcher.group(3) != null ? matcher.group(3) : matcher.group(4));
      if (schemas.contains(schema)) {
        found.add(new TableName(schema, table));
      }
      // the second name may start the next pair, as in db.schema.table
      from = matcher.start(matcher.group(3) != null ? 3 : 4);
      if (matcher.group(3) != null) {
        from--; // include the opening quote
      }
    }
    return found;
  }

  /**
   * Whether the statement names one of Spectrum's pseudo-columns {@code $path} or {@code $size}.
   */
  static boolean mentionsPseudoColumns(String sql) {
    String lower = blankLiterals(sql).toLowerCase(Locale.ROOT);
    return lower.contains("$path") || lower.contains("$size");
  }

  /** The text with string literals' and comments' contents replaced by spaces. */
  static String blankLiterals(String sql) {
    StringBuilder out = new StringBuilder(sql);
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = i + 1;
        while (end < sql.length()) {
          if (sql.charAt(end) == '\'') {
            if (end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        blank(out, i + 1, Math.min(end, sql.length()));
        i = end + 1;
      } else if (c == '-' && sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        blank(out, i, end);
        i = end;
      } else if (c == '/' && sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        end = end < 0 ? sql.length() : end + 2;
        blank(out, i, end);
        i = end;
      } else if (c == '"') {
        int end = sql.indexOf('"', i + 1);
        i = end < 0 ? sql.length() : end + 1;
      } else {
        i++;
      }
    }
    return out.toString();
  }

  /** Words of a statement: quoted strings, quoted identifiers and bare words, for DDL matching. */
  static List<String> words(String sql) {
    List<String> words = new ArrayList<>();
    Matcher matcher = Pattern.compile("'(?:[^']|'')*'|\"[^\"]*\"|[^\\s,'\"]+|,").matcher(sql);
    while (matcher.find()) {
      words.add(matcher.group());
    }
    return words;
  }

  private static void blank(StringBuilder out, int from, int to) {
    for (int i = from; i < to; i++) {
      if (out.charAt(i) != '\n') {
        out.setCharAt(i, ' ');
      }
    }
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
