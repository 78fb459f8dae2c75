package io.spectrumflow.activities.dump;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers for {@link NdjsonByteReader}: JSON's grammar checked byte by byte, the value the way
 * Jackson gives it (an integer in long's range, a BIG_INTEGER's digits, or a double rounded as
 * {@link Double#parseDouble} rounds), and the number's own text kept as a slice.
 */
final class JsonNumbers {

  private static final int MAX_NUMBER_BYTES = 1000;
  private static final int NEED_MORE = ByteRecordReader.NEED_MORE;
  private static final int UNSUPPORTED = ByteRecordReader.UNSUPPORTED;
  private static final byte[] LONG_MAX_DIGITS =
      "9223372036854775807".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LONG_MIN_DIGITS =
      "9223372036854775808".getBytes(StandardCharsets.US_ASCII);

  private JsonNumbers() {}

  /**
   * JSON's number grammar exactly; the integer or double Jackson would give. Digits are added up as
   * they are checked: an integer below 19 digits, or a double of at most 15 significant digits with
   * an exponent small enough for an exact power of ten, needs no second look.
   *
   * @return the position after the number, or {@link ByteRecordReader#NEED_MORE} when it may go on
   *     past {@code limit}, or {@link ByteRecordReader#UNSUPPORTED}
   */
  static int read(byte[] buffer, int start, int limit, SourceRecord record, String name) {
    int p = start;
    boolean negative = buffer[p] == '-';
    if (negative) {
      p++;
    }
    if (p >= limit) {
      return NEED_MORE;
    }
    int intStart = p;
    long significand = 0;
    if (buffer[p] == '0') {
      p++;
    } else if (buffer[p] >= '1' && buffer[p] <= '9') {
      while (p < limit && isDigit(buffer[p])) {
        significand = significand * 10 + (buffer[p] - '0'); // wraps past 18 digits: unused then
        p++;
      }
    } else {
      return UNSUPPORTED;
    }
    int intEnd = p;
    // From the digits, not the sum: past 18 digits the sum wraps, to 0 for 1 and 400 zeros.
    int significant = buffer[intStart] == '0' ? 0 : intEnd - intStart;
    int fractionDigits = 0;
    boolean isFloat = false;
    if (p < limit && buffer[p] == '.') {
      isFloat = true;
      int fractionStart = ++p;
      while (p < limit && isDigit(buffer[p])) {
        int digit = buffer[p] - '0';
        if (significant > 0 || digit != 0) {
          significant++;
        }
        if (significant <= DecimalText.MAX_EXACT_DIGITS) {
          significand = significand * 10 + digit;
          fractionDigits++;
        }
        p++;
      }
      if (p == fractionStart && p < limit) {
        return UNSUPPORTED;
      }
    }
    int exponent = 0;
    boolean exponentTooLong = false;
    if (p < limit && (buffer[p] == 'e' || buffer[p] == 'E')) {
      isFloat = true;
      p++;
      boolean negativeExponent = false;
      if (p < limit && (buffer[p] == '+' || buffer[p] == '-')) {
        negativeExponent = buffer[p] == '-';
        p++;
      }
      int exponentStart = p;
      while (p < limit && isDigit(buffer[p])) {
        exponent = exponent * 10 + (buffer[p] - '0');
        p++;
      }
      if (p == exponentStart && p < limit) {
        return UNSUPPORTED;
      }
      exponentTooLong = p - exponentStart > 3;
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    if (p >= limit) {
      return NEED_MORE;
    }
    if (!NdjsonByteReader.endsValue(buffer[p]) || p - start > MAX_NUMBER_BYTES) {
      return UNSUPPORTED;
    }
    int length = p - start;
    if (isFloat) {
      double value =
          significant > DecimalText.MAX_EXACT_DIGITS || exponentTooLong
              ? Math.abs(slowDouble(buffer, start, p))
              : exactDouble(buffer, significand, exponent - fractionDigits, start, p);
      record.addSlice(name, RawToken.FLOAT, buffer, start, length, negative ? -value : value);
      return p;
    }
    int digits = intEnd - intStart;
    if (digits < 19 || (digits == 19 && fitsLong(buffer, intStart, negative))) {
      if (digits == 19) {
        significand = 0;
        for (int i = intStart; i < intEnd; i++) {
          significand = significand * 10 + (buffer[i] - '0');
        }
      }
      // -9223372036854775808 wraps to itself, which is the right value.
      record.addInteger(name, negative ? -significand : significand);
    } else {
      record.addSlice(name, RawToken.BIG_INTEGER, buffer, start, length, 0);
    }
    return p;
  }

  /** Whether 19 digits at {@code at} are within long's range. */
  private static boolean fitsLong(byte[] buffer, int at, boolean negative) {
    byte[] limitDigits = negative ? LONG_MIN_DIGITS : LONG_MAX_DIGITS;
    return Arrays.compare(buffer, at, at + 19, limitDigits, 0, 19) <= 0;
  }

  /**
   * {@code significand * 10^power}, correctly rounded as Jackson's parser gives it: exact when the
   * significand fits 53 bits and the power of ten is exact (one rounding), through {@link
   * Double#parseDouble} otherwise. The sign is the caller's.
   */
  private static double exactDouble(
      byte[] buffer, long significand, int power, int start, int end) {
    double value = DecimalText.exact(significand, power);
    return Double.isNaN(value) ? Math.abs(slowDouble(buffer, start, end)) : value;
  }

  private static double slowDouble(byte[] buffer, int start, int end) {
    return Double.parseDouble(new String(buffer, start, end - start, StandardCharsets.US_ASCII));
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
