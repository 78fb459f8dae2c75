package io.spectrumflow.activities.dump;

/**
 * Whether a number's value is what a double holds: not one that overflows to ±Infinity, nor a
 * non-zero one that underflows to 0.0. A number out of range is kept as its text (its column
 * inferred STRING), as an integer beyond bigint's range is, or refused by a given DOUBLE column.
 * Cheap for the usual case: a FLOAT's value is already parsed (only a 0.0 needs its digits looked
 * at), and decimal text short enough, with an exponent of at most two digits, is always in range.
 */
final class DoubleRange {

  /** Text this long or shorter, with an exponent of at most 99, is within 1e-298 to 1e299. */
  private static final int SURELY_IN_RANGE_BYTES = 200;

  private DoubleRange() {}

  /** A JSON number with a fraction or exponent ({@link RawToken#FLOAT}), by its parsed value. */
  static boolean holds(SourceRecord record, int i) {
    double value = record.doubleValue(i);
    if (Double.isInfinite(value)) {
      return false;
    }
    if (value != 0.0) {
      return true;
    }
    if (record.hasSlice(i)) {
      return !hasNonZeroDigit(record.sliceBytes(i), record.sliceOffset(i), record.sliceLength(i));
    }
    byte[] text = NumberText.ascii(record.rawText(i));
    return !hasNonZeroDigit(text, 0, text.length);
  }

  /** Whether {@code value}, parsed from number text, is that text's value within double's range. */
  static boolean holds(double value, byte[] text, int from, int length) {
    return !Double.isInfinite(value) && (value != 0.0 || !hasNonZeroDigit(text, from, length));
  }

  /** Decimal text in JSON's number grammar ({@link NumberText#isDecimal}). */
  static boolean holdsText(byte[] text, int from, int length) {
    if (length <= SURELY_IN_RANGE_BYTES && exponentDigits(text, from, length) <= 2) {
      return true;
    }
    return holds(DecimalText.parse(text, from, length), text, from, length);
  }

  /** The exponent's digits, leading zeros left out; 0 without an exponent. */
  private static int exponentDigits(byte[] text, int from, int length) {
    int end = from + length;
    int i = from;
    while (i < end && text[i] != 'e' && text[i] != 'E') {
      i++;
    }
    if (i == end) {
      return 0;
    }
    i++;
    if (i < end && (text[i] == '+' || text[i] == '-')) {
      i++;
    }
    while (i < end && text[i] == '0') {
      i++;
    }
    return end - i;
  }

  /** Whether the significand (the part before any exponent) has a digit other than 0. */
  private static boolean hasNonZeroDigit(byte[] text, int from, int length) {
    for (int i = from; i < from + length; i++) {
      byte b = text[i];
      if (b == 'e' || b == 'E') {
        return false;
      }
      if (b >= '1' && b <= '9') {
        return true;
      }
    }
    return false;
  }
}
