package io.spectrumflow.local.aws.redshift.sql;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DuckDB's error texts reworded as Redshift's, for the statements' {@code Error}. */
final class RedshiftErrors {

  private record Rule(Pattern pattern, BiFunction<Matcher, String, String> message) {}

  private static final List<Rule> RULES =
      List.of(
          rule(
              "Catalog Error: Table with name \"?([^\"!]+?)\"? does not exist!",
              (m, sql) -> "relation \"" + qualified(m.group(1), sql) + "\" does not exist"),
          rule(
              "Catalog Error: Table with name \"?([^\"!]+?)\"? already exists!",
              (m, sql) -> "relation \"" + m.group(1) + "\" already exists"),
          rule(
              "Catalog Error: Schema with name \"?([^\"!]+?)\"? does not exist!",
              (m, sql) -> "schema \"" + m.group(1) + "\" does not exist"),
          rule(
              "Catalog Error: Schema with name \"?([^\"!]+?)\"? already exists!",
              (m, sql) -> "Schema \"" + m.group(1) + "\" already exists"),
          rule(
              "Binder Error: Referenced column \"?([^\"!]+?)\"? not found in FROM clause!",
              (m, sql) -> "column \"" + m.group(1) + "\" does not exist"),
          rule(
              "Parser Error: (syntax error at (?:or near \".*\"|end of input))",
              (m, sql) -> m.group(1)),
          rule("Invalid Input Error: (Spectrum Scan Error: .*)", (m, sql) -> m.group(1)),
          rule(
              "Conversion Error: Could not convert string '(.*)' to INT\\d+",
              (m, sql) -> "invalid input syntax for integer: \"" + m.group(1) + "\""));

  private RedshiftErrors() {}

  private static Rule rule(String regex, BiFunction<Matcher, String, String> message) {
    return new Rule(Pattern.compile(regex), message);
  }

  static boolean isInterrupt(SQLException e) {
    String text = e.getMessage();
    return text != null && text.contains("INTERRUPT Error");
  }

  /** The Redshift text for DuckDB's error on {@code sql}. */
  static String message(SQLException e, String sql) {
    String text = e.getMessage() == null ? e.toString() : e.getMessage();
    text = text.replaceFirst("^java\\.sql\\.SQLException: ", "").lines().findFirst().orElse("");
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(text);
      if (matcher.find()) {
        return "ERROR: " + rule.message().apply(matcher, sql);
      }
    }
    return "ERROR: " + text;
  }

  /** The name as the query wrote it, schema included, since DuckDB's message drops the schema. */
  private static String qualified(String table, String sql) {
    Matcher matcher =
        Pattern.compile(
                "(?i)(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_$]*))\\s*\\.\\s*\"?"
                    + Pattern.quote(table)
                    + "\"?(?![A-Za-z0-9_$])")
            .matcher(sql);
    if (matcher.find()) {
      String schema = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      return schema.toLowerCase(Locale.ROOT) + "." + table;
    }
    return table;
  }
}
