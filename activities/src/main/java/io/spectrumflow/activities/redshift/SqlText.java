package io.spectrumflow.activities.redshift;

import io.spectrumflow.workflows.export.ExportFailures;
import io.temporal.failure.ApplicationFailure;
import java.util.regex.Pattern;

/**
 * Identifiers and literals for Redshift SQL. Nothing reaches a statement unchecked: identifiers
 * must follow Redshift's rules and are always double-quoted (so reserved words such as {@code date}
 * work); literals are checked against what they stand for and single-quoted.
 */
public final class SqlText {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,126}");
  private static final Pattern GLUE_NAME = Pattern.compile("[a-z0-9_]{1,255}");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  private static final Pattern SAFE_LITERAL = Pattern.compile("[^'\\\\\\x00-\\x1f]*");

  private SqlText() {}

  /** A double-quoted identifier, e.g. {@code "date"}. */
  public static String identifier(String what, String name) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw invalid(
          what
              + " '"
              + name
              + "' is not a valid Redshift identifier: use 1 to 127 letters, digits, '_' or '$',"
              + " starting with a letter or '_'");
    }
    return '"' + name + '"';
  }

  /** A Glue database name as a string literal. */
  public static String glueName(String what, String name) {
    return literal(what, name, GLUE_NAME, "lowercase letters, digits and '_'");
  }

  /** An IAM role ARN as a string literal. */
  public static String roleArn(String arn) {
    return literal("IAM role", arn, ROLE_ARN, "an ARN like arn:aws:iam::123456789012:role/name");
  }

  /** A region as a string literal. */
  public static String region(String region) {
    return literal("region", region, REGION, "a region name like us-east-1");
  }

  /** Any other value as a string literal; quotes, backslashes and control characters refused. */
  public static String value(String what, String value) {
    return literal(what, value, SAFE_LITERAL, "no quotes, backslashes or control characters");
  }

  private static String literal(String what, String value, Pattern pattern, String expected) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw invalid(what + " '" + value + "' is not valid: expected " + expected);
    }
    return "'" + value + "'";
  }

  private static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, ExportFailures.INVALID_REQUEST);
  }
}
