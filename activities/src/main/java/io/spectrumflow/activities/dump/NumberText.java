package io.spectrumflow.activities.dump;

/**
 * Recognises numbers in text (CSV fields, strings checked against a given schema) with JSON's
 * number grammar, by scanning characters. Deliberately strict: {@code 007}, {@code +5}, {@code .5},
 * {@code 1.}, {@code NaN} and values with spaces are text, so identifiers with leading zeros keep
 * them. Works on UTF-8 bytes (a byte reader's slices); a string is looked at as its ASCII bytes
 * (anything else can only be text).
 */
final class NumberText {

  private static final byte[] LONG_MAX_DIGITS = ascii("9223372036854775807");
  private static final byte[] LONG_MIN_DIGITS = ascii("9223372036854775808");

  private NumberText() {}

  /** {@code -?(0|[1-9][0-9]*)}, whatever its size. */
  static boolean isInteger(String s) {
    return isInteger(ascii(s), 0, s.length());
  }

  /** An integer (see {@link #isInteger}) that fits in a long. */
  static boolean isLong(String s) {
    return isLong(ascii(s), 0, s.length());
  }

  /** A JSON number with a fraction, an exponent or both, e.g. {@code 1.5}, {@code -2e3}. */
  static boolean isDecimal(String s) {
    return isDecimal(ascii(s), 0, s.length());
  }

  static boolean isInteger(byte[] s, int from, int length) {
    int end = from + length;
    int i = from < end && s[from] == '-' ? from + 1 : from;
    int integerEnd = integerPartEnd(s, i, end);
    return integerEnd > i && integerEnd == end;
  }

  static boolean isLong(byte[] s, int from, int length) {
    if (!isInteger(s, from, length)) {
      return false;
    }
    boolean negative = s[from] == '-';
    int digitsFrom = negative ? from + 1 : from;
    int digits = from + length - digitsFrom;
    if (digits != LONG_MAX_DIGITS.length) {
      return digits < LONG_MAX_DIGITS.length;
    }
    // Same length: compare as text, which orders equal-length digit strings numerically.
    byte[] limit = negative ? LONG_MIN_DIGITS : LONG_MAX_DIGITS;
    return java.util.Arrays.compare(s, digitsFrom, digitsFrom + digits, limit, 0, digits) <= 0;
  }

  /** The value of an integer that {@link #isLong} accepted. */
  static long parseLong(byte[] s, int from, int length) {
    boolean negative = s[from] == '-';
    long magnitude = 0;
    for (int i = negative ? from + 1 : from; i < from + length; i++) {
      magnitude = magnitude * 10 + (s[i] - '0');
    }
    return negative ? -magnitude : magnitude; // Long.MIN_VALUE wraps to itself, as it should
  }

  static boolean isDecimal(byte[] s, int from, int length) {
    int n = from + length;
    int i = from < n && s[from] == '-' ? from + 1 : from;
    int end = integerPartEnd(s, i, n);
    if (end == i) {
      return false;
    }
    i = end;
    boolean hasFractionOrExponent = false;
    if (i < n && s[i] == '.') {
      int start = ++i;
      i = digitsEnd(s, i, n);
      if (i == start) {
        return false;
      }
      hasFractionOrExponent = true;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
      i++;
      if (i < n && (s[i] == '+' || s[i] == '-')) {
        i++;
      }
      int start = i;
      i = digitsEnd(s, i, n);
      if (i == start) {
        return false;
      }
      hasFractionOrExponent = true;
    }
    return hasFractionOrExponent && i == n;
  }

  /** Where {@code 0|[1-9][0-9]*} starting at {@code i} ends; {@code i} if there is none. */
  private static int integerPartEnd(byte[] s, int i, int n) {
    if (i >= n) {
      return i;
    }
    byte first = s[i];
    if (first == '0') {
      return i + 1;
    }
    return first >= '1' && first <= '9' ? digitsEnd(s, i + 1, n) : i;
  }

  private static int digitsEnd(byte[] s, int i, int n) {
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      i++;
    }
    return i;
  }

  /** A string's characters as bytes; anything outside ASCII becomes 0, which matches nothing. */
  static byte[] ascii(String s) {
    byte[] bytes = new byte[s.length()];
    for (int i = 0; i < bytes.length; i++) {
      char c = s.charAt(i);
      bytes[i] = c < 0x80 ? (byte) c : 0;
    }
    return bytes;
  }
}
