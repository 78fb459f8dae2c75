package io.spectrumflow.activities.dump.parquet;

import java.util.Arrays;

/**
 * Equality and unsigned order of byte ranges, eight bytes at a time. Field names, dictionary keys
 * and the strings compared for min and max are mostly short or differ early, where {@link
 * Arrays#equals(byte[], int, int, byte[], int, int)} spends more on setting up its vectorized loop
 * than on comparing.
 */
public final class ByteSlices {

  private ByteSlices() {}

  public static boolean equal(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
    int i = 0;
    for (; i + 8 <= length; i += 8) {
      if (LittleEndian.getLong(a, aFrom + i) != LittleEndian.getLong(b, bFrom + i)) {
        return false;
      }
    }
    for (; i < length; i++) {
      if (a[aFrom + i] != b[bFrom + i]) {
        return false;
      }
    }
    return true;
  }

  /** Lexicographic order of unsigned bytes, a shorter prefix first. */
  public static int compareUnsigned(
      byte[] a, int aFrom, int aLength, byte[] b, int bFrom, int bLength) {
    if (aLength >= 8 && bLength >= 8) {
      long x = Long.reverseBytes(LittleEndian.getLong(a, aFrom));
      long y = Long.reverseBytes(LittleEndian.getLong(b, bFrom));
      if (x != y) {
        return Long.compareUnsigned(x, y); // big-endian words order as their bytes do
      }
    }
    return Arrays.compareUnsigned(a, aFrom, aFrom + aLength, b, bFrom, bFrom + bLength);
  }
}
