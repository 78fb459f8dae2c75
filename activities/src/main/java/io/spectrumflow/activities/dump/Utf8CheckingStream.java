package io.spectrumflow.activities.dump;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of a file for Jackson's readers, checked as strict UTF-8 ({@link Utf8}) on the way:
 * Jackson's decoders accept overlong forms ({@code C0 AF} as '/'), encoded surrogates and code
 * points above U+10FFFF, and the strings they make are then written as something else than the
 * input held. At the first invalid sequence the stream gives the byte 0xFF instead, which Jackson
 * refuses wherever it is (inside a string as invalid UTF-8, elsewhere as an unexpected character),
 * with its record and line, and then ends; {@link #problem} says what the bytes really were.
 */
final class Utf8CheckingStream extends InputStream {

  private static final int BUFFER_BYTES = 64 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_BYTES];

  /** Bytes from {@code start} to {@code checked} are ready; up to {@code end}, not checked yet. */
  private int start;

  private int checked;
  private int end;

  /** The file offset of {@code buffer[0]}. */
  private long bufferOffset;

  private boolean last;
  private String problem;
  private long problemOffset = -1;

  Utf8CheckingStream(InputStream in) {
    this.in = in;
  }

  /** What the first invalid sequence was and where, or null if none was met. */
  String problem() {
    return problem;
  }

  /** The file offset of the first invalid sequence (the byte given as 0xFF), or -1. */
  long problemOffset() {
    return problemOffset;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (start == checked) {
      if (last || !refill()) {
        return -1;
      }
    }
    int n = Math.min(len, checked - start);
    System.arraycopy(buffer, start, b, off, n);
    start += n;
    return n;
  }

  /** Reads and checks more bytes; false at the end of the input. */
  private boolean refill() throws IOException {
    int kept = end - checked; // at most 3: the start of a sequence the buffer cut off
    System.arraycopy(buffer, checked, buffer, 0, kept);
    bufferOffset += checked;
    start = 0;
    checked = 0;
    end = kept;
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      if (kept == 0) {
        return false;
      }
      poison(0, Utf8.describe(buffer, 0, end, true));
      return true;
    }
    end += read;
    int invalid = Utf8.firstInvalid(buffer, 0, end, false);
    if (invalid == -1) {
      checked = end;
    } else if (invalid < -1) {
      checked = -2 - invalid; // a sequence the next read may complete
    } else {
      poison(invalid, Utf8.describe(buffer, invalid, end, false));
    }
    return true;
  }

  /** Ends the stream with 0xFF in place of the invalid sequence at {@code at}. */
  private void poison(int at, String what) {
    problemOffset = bufferOffset + at;
    problem = what + ", at byte offset " + problemOffset + " of the file";
    buffer[at] = (byte) 0xFF;
    checked = at + 1;
    end = checked;
    last = true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
