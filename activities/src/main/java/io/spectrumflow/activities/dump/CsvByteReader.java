package io.spectrumflow.activities.dump;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Reads CSV with a header row straight from its bytes: values stay UTF-8 slices of the read buffer
 * (quoted values with doubled quotes are decoded into the record's own buffer), found eight bytes
 * at a time, and are typed and written from the bytes without becoming strings.
 *
 * <p>It reads well-formed RFC 4180 CSV only, exactly as {@link CsvRecordReader}
 * (jackson-dataformat-csv) reads it; anything else hands the file to that reader, which starts
 * again, skips the records already returned and carries on, so that records and error messages stay
 * exactly theirs: a row with more or fewer fields than the header, a quote inside an unquoted value
 * or text after a closing quote, a quote never closed, a line of only spaces, invalid UTF-8, a byte
 * order mark, duplicate names or no header, values past Jackson's size limit. Line breaks are
 * {@code \n}, {@code \r\n} or {@code \r}, inside quoted values too; empty lines are skipped.
 */
final class CsvByteReader extends ByteRecordReader {

  /** Jackson's default maximum value length (characters; bytes never undercount them). */
  private static final int MAX_VALUE_BYTES = 20_000_000;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

  private String[] header;
  private boolean started;
  private long line = 1;

  /** Where the last field's value is: a slice of the buffer or of the record's own buffer. */
  private byte[] valueBytes;

  private int valueFrom;
  private int valueLength;

  /** Whether the last field ended its row. */
  private boolean rowEnded;

  CsvByteReader(Path file) throws IOException {
    this(file, BUFFER_BYTES);
  }

  /**
   * @param bufferBytes the read buffer's first size (a test seam: tiny buffers put buffer ends in
   *     the middle of every kind of token)
   */
  CsvByteReader(Path file, int bufferBytes) throws IOException {
    super(file, bufferBytes);
  }

  @Override
  RecordReader jacksonReader() throws IOException {
    return new CsvRecordReader(file);
  }

  @Override
  boolean read(SourceRecord record) throws IOException {
    while (true) {
      if (!started) {
        if (limit - position < 3 && fill()) {
          continue;
        }
        started = true;
        if (startsWithByteOrderMark()) {
          return handOver(record);
        }
      }
      if (skipLineBreaks() == NEED_MORE) {
        if (fill()) {
          continue; // a \r at the buffer's end: is a \n next?
        }
        position++; // a \r ending the input
        line++;
        continue;
      }
      if (position >= limit) {
        if (fill()) {
          continue;
        }
        return header == null ? handOver(record) : false; // no header: Jackson's answer
      }
      long startLine = line;
      if (header == null) {
        int end = readHeader(position);
        if (end >= 0) {
          position = end;
          continue;
        }
        line = startLine;
        if (end == NEED_MORE && moreToRead()) {
          continue; // read again from the start of the line, with more bytes
        }
        return handOver(record);
      }
      int end = readRow(record, position);
      if (end >= 0) {
        position = end;
        recordsRead++;
        return true;
      }
      record.cancelStart();
      line = startLine;
      if (end == NEED_MORE && moreToRead()) {
        continue;
      }
      return handOver(record);
    }
  }

  /**
   * Reads more bytes; true also when there are none but the input's end was not known yet: a last
   * value without a line break ends at the input's end, which the next try then knows.
   */
  private boolean moreToRead() throws IOException {
    boolean endKnown = endOfInput;
    return fill() || !endKnown;
  }

  /** The header's names; the position after its line. */
  private int readHeader(int at) {
    List<String> names = new ArrayList<>();
    int p = at;
    do {
      p = readField(p);
      if (p < 0) {
        return p;
      }
      names.add(new String(valueBytes, valueFrom, valueLength, StandardCharsets.UTF_8));
    } while (!rowEnded);
    if (new HashSet<>(names).size() != names.size() || isBlankLine(names.size())) {
      return UNSUPPORTED; // duplicate names, or a line Jackson skips as blank
    }
    header = names.toArray(new String[0]);
    return p;
  }

  /** A row into {@code record}; the position after its line. */
  private int readRow(SourceRecord record, int at) {
    record.start(fileName, 0);
    record.line(line);
    unescapedSize = 0;
    int p = at;
    int field = 0;
    do {
      if (field == header.length) {
        return UNSUPPORTED; // more fields than the header: the Jackson reader says so
      }
      p = readField(p);
      if (p < 0) {
        return p;
      }
      if (valueLength == 0) {
        record.add(header[field], RawToken.NULL, null);
      } else {
        record.addSlice(header[field], RawToken.TEXT, valueBytes, valueFrom, valueLength, 0);
      }
      field++;
    } while (!rowEnded);
    if (field != header.length || isBlankLine(field)) {
      return UNSUPPORTED;
    }
    return p;
  }

  /** A line of one field of only spaces and tabs, which Jackson skips as blank. */
  private boolean isBlankLine(int fields) {
    if (fields != 1 || valueLength == 0 || valueBytes != buffer) {
      return false;
    }
    for (int i = valueFrom; i < valueFrom + valueLength; i++) {
      if (valueBytes[i] != ' ' && valueBytes[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * One field at {@code p}: its value in {@link #valueBytes}, {@link #valueFrom}, {@link
   * #valueLength}; the position after its comma or line break, with {@link #rowEnded} set.
   */
  private int readField(int p) {
    int end = p < limit && buffer[p] == '"' ? readQuoted(p + 1) : readUnquoted(p);
    if (end < 0) {
      return end;
    }
    if (valueLength > MAX_VALUE_BYTES) {
      return UNSUPPORTED;
    }
    return afterValue(end);
  }

  private int readUnquoted(int start) {
    int q = start;
    while (true) {
      q = skipPlainBytes(q, false);
      if (q >= limit) {
        if (!endOfInput) {
          return NEED_MORE;
        }
        break; // the input's last value
      }
      byte b = buffer[q];
      if (b == ',' || b == '\n' || b == '\r') {
        break;
      }
      if (b == '"') {
        return UNSUPPORTED; // a quote inside an unquoted value
      }
      if (b >= 0) {
        q++;
      } else {
        int n = Utf8.sequenceLength(buffer, q, limit);
        if (n < 0) {
          return n == Utf8.INCOMPLETE && !endOfInput ? NEED_MORE : UNSUPPORTED;
        }
        q += n;
      }
    }
    valueBytes = buffer;
    valueFrom = start;
    valueLength = q - start;
    return q;
  }

  /** A quoted value whose content starts at {@code start}; the position after its quote. */
  private int readQuoted(int start) {
    int q = start;
    int from = -1; // where the decoded copy starts, once a doubled quote is found
    int copied = start;
    while (true) {
      q = skipPlainBytes(q, true);
      if (q >= limit) {
        return NEED_MORE; // also at the input's end: a quote never closed, Jackson's message
      }
      byte b = buffer[q];
      if (b == '"') {
        if (q + 1 >= limit && !endOfInput) {
          return NEED_MORE;
        }
        if (q + 1 < limit && buffer[q + 1] == '"') {
          if (from < 0) {
            from = unescapedSize;
          }
          append(buffer, copied, q + 1 - copied); // up to and with one quote
          q += 2;
          copied = q;
          continue;
        }
        break;
      }
      if (b == '\r') {
        if (q + 1 >= limit && !endOfInput) {
          return NEED_MORE;
        }
        line++;
        q += q + 1 < limit && buffer[q + 1] == '\n' ? 2 : 1;
      } else if (b == '\n') {
        line++;
        q++;
      } else if (b >= 0) {
        q++;
      } else {
        int n = Utf8.sequenceLength(buffer, q, limit);
        if (n < 0) {
          return n == Utf8.INCOMPLETE && !endOfInput ? NEED_MORE : UNSUPPORTED;
        }
        q += n;
      }
    }
    if (from < 0) {
      valueBytes = buffer;
      valueFrom = start;
      valueLength = q - start;
    } else {
      append(buffer, copied, q - copied);
      valueBytes = unescaped;
      valueFrom = from;
      valueLength = unescapedSize - from;
    }
    return q + 1;
  }

  /** After a value: a comma, a line break or the input's end; anything else is not for us. */
  private int afterValue(int p) {
    if (p >= limit) {
      if (!endOfInput) {
        return NEED_MORE;
      }
      rowEnded = true;
      return p;
    }
    byte b = buffer[p];
    if (b == ',') {
      rowEnded = false;
      return p + 1;
    }
    if (b == '\n') {
      rowEnded = true;
      line++;
      return p + 1;
    }
    if (b == '\r') {
      if (p + 1 >= limit && !endOfInput) {
        return NEED_MORE;
      }
      rowEnded = true;
      line++;
      return p + 1 < limit && buffer[p + 1] == '\n' ? p + 2 : p + 1;
    }
    return UNSUPPORTED; // text after a closing quote
  }

  /**
   * Skips empty lines from {@link #position}, counting them; {@link #NEED_MORE} when a {@code \r}
   * ends the buffer (a {@code \n} may follow).
   */
  private int skipLineBreaks() {
    int p = position;
    while (p < limit) {
      byte b = buffer[p];
      if (b == '\n') {
        line++;
        p++;
      } else if (b == '\r') {
        if (p + 1 >= limit) {
          position = p;
          return NEED_MORE;
        }
        line++;
        p += buffer[p + 1] == '\n' ? 2 : 1;
      } else {
        break;
      }
    }
    position = p;
    return p;
  }

  /**
   * Skips bytes that need no look, eight at a time: not a quote, a line break or a non-ASCII byte,
   * nor (outside quotes) a comma. Returns the first position that needs a look, or one within the
   * buffer's last 7 bytes.
   */
  private int skipPlainBytes(int q, boolean quoted) {
    long comma = quoted ? 0x2222_2222_2222_2222L : 0x2C2C_2C2C_2C2C_2C2CL;
    while (q + 8 <= limit) {
      long word = (long) LONGS.get(buffer, q);
      long quote = word ^ 0x2222_2222_2222_2222L;
      long commas = word ^ comma;
      long newline = word ^ 0x0A0A_0A0A_0A0A_0A0AL;
      long carriage = word ^ 0x0D0D_0D0D_0D0D_0D0DL;
      long special =
          (((quote - ONES) & ~quote)
                  | ((commas - ONES) & ~commas)
                  | ((newline - ONES) & ~newline)
                  | ((carriage - ONES) & ~carriage)
                  | word)
              & HIGH_BITS;
      if (special != 0) {
        return q + (Long.numberOfTrailingZeros(special) >>> 3);
      }
      q += 8;
    }
    return q;
  }
}
