package io.spectrumflow.local.aws.glue;

import io.spectrumflow.local.aws.http.AwsException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GetTables' {@code Expression}: a Hive-style pattern, alternatives separated by {@code |}, where
 * {@code *} is any run of characters (a regular expression's {@code .*} works too).
 */
record TableNamePattern(Pattern pattern) {

  static TableNamePattern of(String expression) {
    StringBuilder regex = new StringBuilder();
    for (String alternative : expression.trim().split("\\|")) {
      if (regex.length() > 0) {
        regex.append('|');
      }
      regex.append("(?:").append(alternative.trim().replaceAll("(?<!\\.)\\*", ".*")).append(')');
    }
    try {
      return new TableNamePattern(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
    } catch (PatternSyntaxException e) {
      throw new AwsException("InvalidInputException", "Invalid expression: " + expression);
    }
  }

  boolean matches(String name) {
    return pattern.matcher(name).matches();
  }
}
