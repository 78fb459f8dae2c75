package io.spectrumflow.activities.dump;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A reader that parses a file's bytes in a buffer, and hands the file to a Jackson-based reader for
 * anything it does not read exactly as that reader would: the Jackson reader starts the file again,
 * skips the records already returned and carries on, so records, errors, record numbers and lines
 * are what they always were.
 *
 * <p>A subclass parses one record at a time from {@link #buffer} between {@link #position} and
 * {@link #limit}; when a record runs past the limit it gives up on it ({@link #NEED_MORE}), calls
 * {@link #fill} and parses the record again from its start. Values it decodes (escapes) go to
 * {@link #unescaped}, emptied for each record.
 */
abstract class ByteRecordReader implements RecordReader {

  static final int BUFFER_BYTES = 1 << 20;

  /** Parse results below zero: the record goes past the buffer, or is not for this reader. */
  static final int NEED_MORE = -1;

  static final int UNSUPPORTED = -2;

  final Path file;
  final String fileName;
  private final InputStream in;
  byte[] buffer;
  int position;
  int limit;
  boolean endOfInput;
  long recordsRead;
  byte[] unescaped = new byte[1024];
  int unescapedSize;
  private RecordReader handedTo;

  ByteRecordReader(Path file, int bufferBytes) throws IOException {
    this.file = file;
    this.fileName = String.valueOf(file.getFileName());
    this.buffer = new byte[bufferBytes];
    this.in = Files.newInputStream(file);
  }

  @Override
  public final boolean next(SourceRecord record) throws IOException {
    return handedTo != null ? handedTo.next(record) : read(record);
  }

  /** Reads the next record from the bytes, or {@link #handOver hands over}. */
  abstract boolean read(SourceRecord record) throws IOException;

  /** The Jackson-based reader of the same file, from its start. */
  abstract RecordReader jacksonReader() throws IOException;

  /** From here on, the Jackson-based reader reads the file, from where this one was. */
  final boolean handOver(SourceRecord record) throws IOException {
    in.close();
    handedTo = jacksonReader();
    SourceRecord skipped = new SourceRecord();
    for (long i = 0; i < recordsRead; i++) {
      if (!handedTo.next(skipped)) {
        throw new IllegalStateException(
            "Jackson found fewer records in " + fileName + " than the byte reader did");
      }
    }
    return handedTo.next(record);
  }

  /** Whether the Jackson-based reader reads the file from now on. */
  final boolean handedOver() {
    return handedTo != null;
  }

  /**
   * Keeps the unread bytes and reads more after them (growing the buffer for a record larger than
   * it).
   *
   * @return false at the end of the input
   */
  final boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int kept = limit - position;
    if (position > 0) {
      System.arraycopy(buffer, position, buffer, 0, kept);
    } else if (kept == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    position = 0;
    limit = kept;
    int read = in.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      endOfInput = true;
      return false;
    }
    limit += read;
    return true;
  }

  /** Whether the buffer starts with a UTF-8 byte order mark. */
  final boolean startsWithByteOrderMark() {
    return limit - position >= 3
        && buffer[position] == (byte) 0xEF
        && buffer[position + 1] == (byte) 0xBB
        && buffer[position + 2] == (byte) 0xBF;
  }

  final void appendByte(int b) {
    if (unescapedSize == unescaped.length) {
      // A new array with the same content: slices of this record's earlier values stay valid.
      unescaped = Arrays.copyOf(unescaped, unescaped.length * 2);
    }
    unescaped[unescapedSize++] = (byte) b;
  }

  final void append(byte[] bytes, int offset, int length) {
    if (unescapedSize + length > unescaped.length) {
      unescaped = Arrays.copyOf(unescaped, Math.max(unescapedSize + length, unescaped.length * 2));
    }
    System.arraycopy(bytes, offset, unescaped, unescapedSize, length);
    unescapedSize += length;
  }

  static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  @Override
  public void close() throws IOException {
    in.close();
    if (handedTo != null) {
      handedTo.close();
    }
  }
}
