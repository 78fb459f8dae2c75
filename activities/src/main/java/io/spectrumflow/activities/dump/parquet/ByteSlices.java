package io.spectrumflow.activities.dump.parquet;

/**
 * Equality and unsigned order of byte ranges, eight bytes at a time. Field names, dictionary keys
 * and the strings compared for min and max are mostly short or differ early, where {@code
 * Arrays.equals} and {@code Arrays.compareUnsigned} spend more on setting up their vectorized loops
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
    int common = Math.min(aLength, bLength);
    int i = 0;
    for (; i + 8 <= common; i += 8) {
      long x = LittleEndian.getLong(a, aFrom + i);
      long y = LittleEndian.getLong(b, bFrom + i);
      if (x != y) {
        // Big-endian words order as their bytes do.
        return Long.compareUnsigned(Long.reverseBytes(x), Long.reverseBytes(y));
      }
    }
    for (; i < common; i++) {
      int x = a[aFrom + i] & 0xFF;
      int y = b[bFrom + i] & 0xFF;
      if (x != y) {
        return x - y;
      }
    }
    return aLength - bLength;
  }
}
