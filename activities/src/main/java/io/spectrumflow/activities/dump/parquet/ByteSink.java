package io.spectrumflow.activities.dump.parquet;

import java.util.Arrays;

/** A growable byte array with the little-endian writes Parquet's encodings need. */
final class ByteSink {

  private byte[] bytes;
  private int size;

  ByteSink(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  void reset() {
    size = 0;
  }

  /** Forgets everything after the first {@code newSize} bytes. */
  void truncate(int newSize) {
    size = newSize;
  }

  int size() {
    return size;
  }

  /** The backing array; valid up to {@link #size()} until the next write. */
  byte[] array() {
    return bytes;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
    }
  }

  void writeByte(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  void setByte(int position, int b) {
    bytes[position] = (byte) b;
  }

  void writeIntLittleEndian(int v) {
    ensure(4);
    LittleEndian.putInt(bytes, size, v);
    size += 4;
  }

  void writeLongLittleEndian(long v) {
    ensure(8);
    LittleEndian.putLong(bytes, size, v);
    size += 8;
  }

  void writeBytes(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  void writeUnsignedVarInt(int v) {
    ensure(5);
    while ((v & ~0x7F) != 0) {
      bytes[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    bytes[size++] = (byte) v;
  }

  /** Room for {@code length} bytes written directly into {@link #array()} at the returned index. */
  int reserve(int length) {
    ensure(length);
    int at = size;
    size += length;
    return at;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }
}
