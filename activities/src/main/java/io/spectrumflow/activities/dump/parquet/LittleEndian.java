package io.spectrumflow.activities.dump.parquet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Reads and writes little-endian numbers in byte arrays, 8 or 4 bytes at a time. */
final class LittleEndian {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private LittleEndian() {}

  static void putLong(byte[] bytes, int at, long v) {
    LONGS.set(bytes, at, v);
  }

  static void putInt(byte[] bytes, int at, int v) {
    INTS.set(bytes, at, v);
  }

  static long getLong(byte[] bytes, int at) {
    return (long) LONGS.get(bytes, at);
  }

  static int getInt(byte[] bytes, int at) {
    return (int) INTS.get(bytes, at);
  }
}
