package io.spectrumflow.activities.dump;

import java.nio.charset.StandardCharsets;

/**
 * The double of a number in JSON's grammar, from its ASCII bytes, correctly rounded as {@link
 * Double#parseDouble} rounds: computed directly when the significant digits fit 53 bits and the
 * power of ten is exact (one rounding), through {@link Double#parseDouble} otherwise.
 */
final class DecimalText {

  /** Significant digits that always fit a double's 53 bits exactly. */
  static final int MAX_EXACT_DIGITS = 15;

  static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private DecimalText() {}

  /** The value of {@code length} bytes at {@code from}, which hold a number in JSON's grammar. */
  static double parse(byte[] s, int from, int length) {
    int end = from + length;
    int i = from;
    boolean negative = s[i] == '-';
    if (negative) {
      i++;
    }
    long significand = 0;
    int significant = 0;
    int fractionDigits = 0;
    boolean inFraction = false;
    for (; i < end; i++) {
      byte b = s[i];
      if (b == '.') {
        inFraction = true;
        continue;
      }
      if (b == 'e' || b == 'E') {
        break;
      }
      int digit = b - '0';
      if (significant > 0 || digit != 0) {
        significant++;
      }
      if (significant > MAX_EXACT_DIGITS) {
        return slow(s, from, length);
      }
      significand = significand * 10 + digit;
      if (inFraction) {
        fractionDigits++;
      }
    }
    int exponent = 0;
    if (i < end) {
      i++; // after 'e'
      boolean negativeExponent = s[i] == '-';
      if (s[i] == '+' || s[i] == '-') {
        i++;
      }
      if (end - i > 3) {
        return slow(s, from, length);
      }
      for (; i < end; i++) {
        exponent = exponent * 10 + (s[i] - '0');
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    double value = exact(significand, exponent - fractionDigits);
    if (Double.isNaN(value)) {
      return slow(s, from, length);
    }
    return negative ? -value : value;
  }

  /** {@code significand * 10^power} if that takes one rounding; NaN when it would take more. */
  static double exact(long significand, int power) {
    if (significand == 0) {
      return 0.0;
    }
    if (power >= 0 && power < POWERS_OF_TEN.length) {
      return significand * POWERS_OF_TEN[power];
    }
    if (power < 0 && -power < POWERS_OF_TEN.length) {
      return significand / POWERS_OF_TEN[-power];
    }
    return Double.NaN;
  }

  private static double slow(byte[] s, int from, int length) {
    return Double.parseDouble(new String(s, from, length, StandardCharsets.US_ASCII));
  }
}
