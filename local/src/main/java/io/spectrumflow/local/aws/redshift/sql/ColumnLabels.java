package io.spectrumflow.local.aws.redshift.sql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column names as Redshift gives them. DuckDB names an unaliased expression by its text ({@code
 * count_star()}, {@code CAST(x AS INTEGER)}); Redshift names a function call by the function
 * ({@code count}), a cast by what is cast, any other expression {@code ?column?}, and folds names
 * to lower case.
 */
final class ColumnLabels {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
  private static final Pattern CAST =
      Pattern.compile("(?s)CAST\\((.+) AS [^()]+(?:\\([^()]*\\))?\\)");
  private static final Pattern CALL = Pattern.compile("(?s)(?:\\w+\\.)?(\\w+)\\(.*\\)");

  private ColumnLabels() {}

  static String of(String duckDbLabel, String sql) {
    if (sql.contains("\"" + duckDbLabel + "\"")) {
      return duckDbLabel.toLowerCase(Locale.ROOT); // a quoted alias or column: its own name
    }
    return redshiftName(duckDbLabel);
  }

  private static String redshiftName(String label) {
    if (IDENTIFIER.matcher(label).matches()) {
      return label.toLowerCase(Locale.ROOT);
    }
    Matcher cast = CAST.matcher(label);
    if (cast.matches()) {
      return redshiftName(cast.group(1).trim());
    }
    Matcher call = CALL.matcher(label);
    if (call.matches()) {
      String function = call.group(1).toLowerCase(Locale.ROOT);
      return function.equals("count_star") ? "count" : function;
    }
    return "?column?";
  }
}
