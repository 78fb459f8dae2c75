package io.spectrumflow.activities.dump;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 checks: shortest forms only, no surrogate code points, nothing above U+10FFFF. A
 * byte reader accepts only what passes and hands anything else to Jackson's readers, which read
 * through {@link Utf8CheckingStream} (Jackson's own decoders accept overlong forms, surrogates and
 * code points above U+10FFFF), so that invalid UTF-8 of every kind is refused, wherever it is.
 */
final class Utf8 {

  /** The sequence at {@code i} runs past the available bytes. */
  static final int INCOMPLETE = -1;

  /** The bytes at {@code i} are not a valid sequence. */
  static final int INVALID = -2;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

  private Utf8() {}

  /**
   * The length of the multi-byte sequence starting at {@code i} (its lead byte at or above 0x80),
   * or {@link #INCOMPLETE} or {@link #INVALID}.
   */
  static int sequenceLength(byte[] bytes, int i, int limit) {
    int lead = bytes[i] & 0xFF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      if (i + 1 >= limit) {
        return INCOMPLETE;
      }
      return isContinuation(bytes[i + 1]) ? 2 : INVALID;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
      if (i + 2 >= limit) {
        return INCOMPLETE;
      }
      int second = bytes[i + 1] & 0xFF;
      boolean valid =
          isContinuation(bytes[i + 1])
              && isContinuation(bytes[i + 2])
              && (lead != 0xE0 || second >= 0xA0) // no overlong forms
              && (lead != 0xED || second < 0xA0); // no surrogates
      return valid ? 3 : INVALID;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
      if (i + 3 >= limit) {
        return INCOMPLETE;
      }
      int second = bytes[i + 1] & 0xFF;
      boolean valid =
          isContinuation(bytes[i + 1])
              && isContinuation(bytes[i + 2])
              && isContinuation(bytes[i + 3])
              && (lead != 0xF0 || second >= 0x90) // no overlong forms
              && (lead != 0xF4 || second < 0x90); // nothing above U+10FFFF
      return valid ? 4 : INVALID;
    }
    return INVALID;
  }

  /** Whether the bytes are valid UTF-8; ASCII is skipped eight bytes at a time. */
  static boolean isValid(byte[] bytes, int offset, int length) {
    return firstInvalid(bytes, offset, offset + length, true) < 0;
  }

  /**
   * The position of the first byte from {@code from} that starts an invalid sequence, or -1; with
   * {@code atEnd} false, a sequence cut off by {@code limit} is not invalid but {@code -2 - its
   * position}, as more bytes may complete it.
   */
  static int firstInvalid(byte[] bytes, int from, int limit, boolean atEnd) {
    int i = from;
    while (i < limit) {
      if (i + 8 <= limit && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
        i += 8;
        continue;
      }
      if (bytes[i] >= 0) {
        i++;
        continue;
      }
      int n = sequenceLength(bytes, i, limit);
      if (n == INCOMPLETE && !atEnd && !cutOffIsInvalid(bytes, i, limit)) {
        return -2 - i;
      }
      if (n < 0) {
        return i;
      }
      i += n;
    }
    return -1;
  }

  /** Whether the bytes before a sequence's cut-off are already wrong, whatever follows them. */
  private static boolean cutOffIsInvalid(byte[] bytes, int i, int limit) {
    int lead = bytes[i] & 0xFF;
    for (int j = i + 1; j < limit; j++) {
      if (!isContinuation(bytes[j])) {
        return true;
      }
    }
    if (i + 1 < limit) {
      int second = bytes[i + 1] & 0xFF;
      return (lead == 0xE0 && second < 0xA0)
          || (lead == 0xED && second >= 0xA0)
          || (lead == 0xF0 && second < 0x90)
          || (lead == 0xF4 && second >= 0x90);
    }
    return false;
  }

  /**
   * What is wrong with the sequence at {@code i}, which {@link #sequenceLength} did not accept, for
   * a message: e.g. {@code bytes C0 AF, an overlong (non-shortest) encoding}.
   *
   * @param limit where the available bytes end; with {@code atEnd}, where the input ends
   */
  static String describe(byte[] bytes, int i, int limit, boolean atEnd) {
    int lead = bytes[i] & 0xFF;
    int length =
        lead >= 0xC0 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead < 0xF8 ? 4 : 1;
    if (lead >= 0x80 && lead <= 0xBF) {
      return "byte 0x" + hex(lead) + ", a continuation byte with no lead byte before it";
    }
    if (lead >= 0xF8) {
      return "byte 0x" + hex(lead) + ", which never appears in UTF-8";
    }
    int available = 1;
    while (available < length && i + available < limit && isContinuation(bytes[i + available])) {
      available++;
    }
    String shown = hexBytes(bytes, i, available);
    int second = available > 1 ? bytes[i + 1] & 0xFF : -1;
    if (lead <= 0xC1
        || (lead == 0xE0 && second >= 0 && second < 0xA0)
        || (lead == 0xF0 && second >= 0 && second < 0x90)) {
      return "bytes " + shown + ", an overlong (non-shortest) encoding";
    }
    if (lead == 0xED && second >= 0xA0) {
      return "bytes " + shown + ", an encoded surrogate (U+D800 to U+DFFF)";
    }
    if (lead >= 0xF5 || (lead == 0xF4 && second >= 0x90)) {
      return "bytes " + shown + ", a code point above U+10FFFF";
    }
    if (i + available >= limit && atEnd) {
      return "bytes " + shown + ", a " + length + "-byte sequence cut off by the end of the input";
    }
    return "bytes "
        + shown
        + ", a "
        + length
        + "-byte sequence cut off by byte 0x"
        + hex(bytes[i + available] & 0xFF);
  }

  private static String hexBytes(byte[] bytes, int from, int length) {
    StringBuilder shown = new StringBuilder();
    for (int j = from; j < from + length; j++) {
      if (j > from) {
        shown.append(' ');
      }
      shown.append(hex(bytes[j] & 0xFF));
    }
    return shown.toString();
  }

  private static String hex(int b) {
    return String.format("%02X", b);
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
