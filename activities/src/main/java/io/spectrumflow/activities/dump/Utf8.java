package io.spectrumflow.activities.dump;

/**
 * Strict UTF-8 checks: shortest forms only, no surrogate code points, nothing above U+10FFFF. A
 * byte reader accepts only what passes, and leaves anything else to Jackson, whose decoder then
 * decides (and words the error) as it always did.
 */
final class Utf8 {

  /** The sequence at {@code i} runs past the available bytes. */
  static final int INCOMPLETE = -1;

  /** The bytes at {@code i} are not a valid sequence. */
  static final int INVALID = -2;

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

  static boolean isValid(byte[] bytes, int offset, int length) {
    int end = offset + length;
    for (int i = offset; i < end; ) {
      if (bytes[i] >= 0) {
        i++;
        continue;
      }
      int n = sequenceLength(bytes, i, end);
      if (n < 0) {
        return false;
      }
      i += n;
    }
    return true;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }
}
