package io.spectrumflow.activities.dump;

import java.nio.charset.StandardCharsets;

/**
 * The inference type of one raw value. JSON values keep their JSON type, except that strings
 * holding ISO-8601 date-times are TIMESTAMP; integers beyond long range, numbers beyond double's
 * range ({@link DoubleRange}: 1e400, 1e-400) and nested values are STRING, kept as their text. CSV
 * text is typed by its shape: integer, decimal, true/false in any case, date-time, else STRING.
 * Date-only strings stay STRING.
 */
final class ValueClassifier {

  private ValueClassifier() {}

  static ValueKind kindOf(SourceRecord record, int i) {
    return switch (record.token(i)) {
      case NULL -> ValueKind.NULL;
      case TRUE, FALSE -> ValueKind.BOOLEAN;
      case INTEGER -> ValueKind.BIGINT;
      case FLOAT -> DoubleRange.holds(record, i) ? ValueKind.DOUBLE : ValueKind.STRING;
      case BIG_INTEGER, NESTED -> ValueKind.STRING;
      case STRING ->
          record.dateTimeMicros(i) != IsoTimestamps.INVALID
              ? ValueKind.TIMESTAMP
              : ValueKind.STRING;
      case TEXT ->
          record.hasSlice(i)
              ? kindOfText(
                  record.sliceBytes(i),
                  record.sliceOffset(i),
                  record.sliceLength(i),
                  record.dateTimeMicros(i))
              : kindOfText(record.rawText(i));
    };
  }

  static ValueKind kindOfText(String text) {
    byte[] ascii = NumberText.ascii(text);
    return kindOfText(ascii, 0, ascii.length, IsoTimestamps.dateTimeMicros(text));
  }

  /**
   * @param dateTimeMicros the text's date-time ({@link IsoTimestamps}), or INVALID
   */
  private static ValueKind kindOfText(byte[] text, int from, int length, long dateTimeMicros) {
    byte first = text[from];
    if ((first >= '0' && first <= '9') || first == '-') {
      if (NumberText.isInteger(text, from, length)) {
        return NumberText.isLong(text, from, length) ? ValueKind.BIGINT : ValueKind.STRING;
      }
      if (NumberText.isDecimal(text, from, length)) {
        return DoubleRange.holdsText(text, from, length) ? ValueKind.DOUBLE : ValueKind.STRING;
      }
      return dateTimeMicros != IsoTimestamps.INVALID ? ValueKind.TIMESTAMP : ValueKind.STRING;
    }
    return isBoolean(text, from, length) ? ValueKind.BOOLEAN : ValueKind.STRING;
  }

  static boolean isBoolean(String text) {
    return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
  }

  /**
   * {@link #isBoolean(String)} of UTF-8 bytes: ASCII compared directly; a short value with other
   * characters decoded and compared as a string, whose case rules match a few of them too (the long
   * s of "falſe" is an s).
   */
  static boolean isBoolean(byte[] text, int from, int length) {
    if (length == 4 || length == 5) {
      return length == 4
          ? equalsIgnoreCase(text, from, "true")
          : equalsIgnoreCase(text, from, "false");
    }
    if (length > 5 && length <= 10) {
      for (int i = from; i < from + length; i++) {
        if (text[i] < 0) {
          return isBoolean(new String(text, from, length, StandardCharsets.UTF_8));
        }
      }
    }
    return false;
  }

  private static boolean equalsIgnoreCase(byte[] text, int from, String word) {
    for (int i = 0; i < word.length(); i++) {
      if ((text[from + i] | 0x20) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
