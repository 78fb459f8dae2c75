package io.spectrumflow.activities.dump;

/**
 * Recognises numbers in text (CSV fields, strings checked against a given schema) with JSON's
 * number grammar, by scanning characters. Deliberately strict: {@code 007}, {@code +5}, {@code .5},
 * {@code 1.}, {@code NaN} and values with spaces are text, so identifiers with leading zeros keep
 * them.
 */
final class NumberText {

  private static final String LONG_MAX_DIGITS = "9223372036854775807";
  private static final String LONG_MIN_DIGITS = "9223372036854775808";

  private NumberText() {}

  /** {@code -?(0|[1-9][0-9]*)}, whatever its size. */
  static boolean isInteger(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    int end = integerPartEnd(s, i);
    return end > i && end == s.length();
  }

  /** An integer (see {@link #isInteger}) that fits in a long. */
  static boolean isLong(String s) {
    if (!isInteger(s)) {
      return false;
    }
    boolean negative = s.charAt(0) == '-';
    int digits = s.length() - (negative ? 1 : 0);
    if (digits != LONG_MAX_DIGITS.length()) {
      return digits < LONG_MAX_DIGITS.length();
    }
    // Same length: compare as text, which orders equal-length digit strings numerically.
    String limit = negative ? LONG_MIN_DIGITS : LONG_MAX_DIGITS;
    return s.substring(negative ? 1 : 0).compareTo(limit) <= 0;
  }

  /** A JSON number with a fraction, an exponent or both, e.g. {@code 1.5}, {@code -2e3}. */
  static boolean isDecimal(String s) {
    int n = s.length();
    int i = s.startsWith("-") ? 1 : 0;
    int end = integerPartEnd(s, i);
    if (end == i) {
      return false;
    }
    i = end;
    boolean hasFractionOrExponent = false;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      i = digitsEnd(s, i);
      if (i == start) {
        return false;
      }
      hasFractionOrExponent = true;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int start = i;
      i = digitsEnd(s, i);
      if (i == start) {
        return false;
      }
      hasFractionOrExponent = true;
    }
    return hasFractionOrExponent && i == n;
  }

  /** Where {@code 0|[1-9][0-9]*} starting at {@code i} ends; {@code i} if there is none. */
  private static int integerPartEnd(String s, int i) {
    if (i >= s.length()) {
      return i;
    }
    char first = s.charAt(i);
    if (first == '0') {
      return i + 1;
    }
    return first >= '1' && first <= '9' ? digitsEnd(s, i + 1) : i;
  }

  private static int digitsEnd(String s, int i) {
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }
}
