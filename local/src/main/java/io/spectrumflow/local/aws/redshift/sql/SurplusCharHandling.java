package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Spectrum does with a text value longer than its column (the external table property {@code
 * surplus_char_handling}, in the Glue table's Parameters; SET_TO_NULL when unset or unknown): a
 * {@code string} column is VARCHAR(65535), {@code varchar(n)} and {@code char(n)} are n, in bytes.
 * SET_TO_NULL reads the value as NULL, DISABLED as it is, TRUNCATE cut to the width (characters
 * here: exact for ASCII), FAIL fails the query, DROP_ROW leaves the row out.
 */
final class SurplusCharHandling {

  static final String PROPERTY = "surplus_char_handling";
  static final int STRING_WIDTH = 65_535;

  private static final Pattern SIZED = Pattern.compile("(?:var)?char\\s*\\(\\s*(\\d+)\\s*\\)");

  enum Action {
    SET_TO_NULL,
    DISABLED,
    TRUNCATE,
    FAIL,
    DROP_ROW
  }

  private final Action action;

  private SurplusCharHandling(Action action) {
    this.action = action;
  }

  /** The table's rule. */
  static SurplusCharHandling of(JsonNode table) {
    String value = table.path("Parameters").path(PROPERTY).asText("").trim();
    for (Action action : Action.values()) {
      if (action.name().equalsIgnoreCase(value)) {
        return new SurplusCharHandling(action);
      }
    }
    return new SurplusCharHandling(Action.SET_TO_NULL);
  }

  /** A text column's width in bytes; empty for other types. */
  static OptionalInt width(String glueType) {
    String type = glueType.toLowerCase(Locale.ROOT).trim();
    if (type.equals("string") || type.equals("varchar") || type.equals("char")) {
      return OptionalInt.of(STRING_WIDTH);
    }
    Matcher sized = SIZED.matcher(type);
    return sized.matches()
        ? OptionalInt.of(Math.min(Integer.parseInt(sized.group(1)), STRING_WIDTH))
        : OptionalInt.empty();
  }

  /** The column's value as Spectrum reads it: {@code value} is the VARCHAR expression. */
  String value(String value, String column, String glueType) {
    OptionalInt width = width(glueType);
    if (width.isEmpty() || action == Action.DISABLED || action == Action.DROP_ROW) {
      return value;
    }
    String tooLong = "strlen(" + value + ") > " + width.getAsInt();
    String surplus =
        switch (action) {
          case TRUNCATE -> "left(" + value + ", " + width.getAsInt() + ")";
          case FAIL ->
              "error("
                  + SpectrumViews.literal(
                      "Spectrum Scan Error: a value of column "
                          + column
                          + " exceeds its width of "
                          + width.getAsInt()
                          + " bytes (surplus_char_handling FAIL)")
                  + ")";
          default -> "NULL";
        };
    return "CASE WHEN " + tooLong + " THEN " + surplus + " ELSE " + value + " END";
  }

  /** For DROP_ROW, the condition a row's value must meet to be kept; else null. */
  String keepRow(String value, String glueType) {
    OptionalInt width = width(glueType);
    if (width.isEmpty() || action != Action.DROP_ROW) {
      return null;
    }
    return "coalesce(strlen(" + value + "), 0) <= " + width.getAsInt();
  }
}
