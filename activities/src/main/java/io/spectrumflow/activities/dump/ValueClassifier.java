package io.spectrumflow.activities.dump;

/**
 * The inference type of one raw value. JSON values keep their JSON type, except that strings
 * holding ISO-8601 date-times are TIMESTAMP; integers beyond long range and nested values are
 * STRING. CSV text is typed by its shape: integer, decimal, true/false in any case, date-time, else
 * STRING. Date-only strings stay STRING.
 */
final class ValueClassifier {

  private ValueClassifier() {}

  static ValueKind kindOf(SourceRecord record, int i) {
    return switch (record.token(i)) {
      case NULL -> ValueKind.NULL;
      case TRUE, FALSE -> ValueKind.BOOLEAN;
      case INTEGER -> ValueKind.BIGINT;
      case FLOAT -> ValueKind.DOUBLE;
      case BIG_INTEGER, NESTED -> ValueKind.STRING;
      case STRING ->
          record.dateTimeMicros(i) != IsoTimestamps.INVALID
              ? ValueKind.TIMESTAMP
              : ValueKind.STRING;
      case TEXT -> kindOfText(record.rawText(i));
    };
  }

  static ValueKind kindOfText(String text) {
    char first = text.charAt(0);
    if ((first >= '0' && first <= '9') || first == '-') {
      if (NumberText.isInteger(text)) {
        return NumberText.isLong(text) ? ValueKind.BIGINT : ValueKind.STRING;
      }
      if (NumberText.isDecimal(text)) {
        return ValueKind.DOUBLE;
      }
      return isTimestamp(text) ? ValueKind.TIMESTAMP : ValueKind.STRING;
    }
    return isBoolean(text) ? ValueKind.BOOLEAN : ValueKind.STRING;
  }

  static boolean isBoolean(String text) {
    return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
  }

  private static boolean isTimestamp(String text) {
    return IsoTimestamps.dateTimeMicros(text) != IsoTimestamps.INVALID;
  }
}
