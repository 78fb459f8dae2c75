package io.spectrumflow.activities.dump.parquet;

import java.util.Arrays;

/** One column's values for the rows of a {@link RowBatch}; every row is set before it is read. */
public abstract sealed class ColumnVector
    permits ColumnVector.Longs, ColumnVector.Doubles, ColumnVector.Booleans, ColumnVector.Bytes {

  final boolean[] nulls;

  ColumnVector(int capacity) {
    nulls = new boolean[capacity];
  }

  public final void setNull(int row) {
    nulls[row] = true;
  }

  final boolean isNull(int row) {
    return nulls[row];
  }

  void clear() {}

  static ColumnVector of(ParquetKind kind, int capacity) {
    return switch (kind) {
      case INT64, TIMESTAMP_MICROS, INT96 -> new Longs(capacity);
      case DOUBLE -> new Doubles(capacity);
      case BOOLEAN -> new Booleans(capacity);
      case STRING -> new Bytes(capacity);
    };
  }

  /** INT64, and timestamps as epoch microseconds (INT64 or INT96 columns). */
  public static final class Longs extends ColumnVector {
    final long[] values;

    Longs(int capacity) {
      super(capacity);
      values = new long[capacity];
    }

    public void set(int row, long value) {
      nulls[row] = false;
      values[row] = value;
    }
  }

  public static final class Doubles extends ColumnVector {
    final double[] values;

    Doubles(int capacity) {
      super(capacity);
      values = new double[capacity];
    }

    public void set(int row, double value) {
      nulls[row] = false;
      values[row] = value;
    }
  }

  public static final class Booleans extends ColumnVector {
    final boolean[] values;

    Booleans(int capacity) {
      super(capacity);
      values = new boolean[capacity];
    }

    public void set(int row, boolean value) {
      nulls[row] = false;
      values[row] = value;
    }
  }

  /** UTF-8 strings, copied into one growing array. */
  public static final class Bytes extends ColumnVector {
    final int[] offsets;
    final int[] lengths;
    byte[] data = new byte[8192];
    int size;

    Bytes(int capacity) {
      super(capacity);
      offsets = new int[capacity];
      lengths = new int[capacity];
    }

    public void set(int row, byte[] bytes, int offset, int length) {
      if (size + length > data.length) {
        data = Arrays.copyOf(data, Math.max(size + length, data.length * 2));
      }
      System.arraycopy(bytes, offset, data, size, length);
      nulls[row] = false;
      offsets[row] = size;
      lengths[row] = length;
      size += length;
    }

    @Override
    void clear() {
      size = 0;
    }
  }
}
