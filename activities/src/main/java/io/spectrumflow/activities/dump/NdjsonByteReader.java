package io.spectrumflow.activities.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Reads NDJSON straight from its bytes: string values stay UTF-8 slices of the read buffer (decoded
 * only if something needs their text), numbers and literals are parsed in place, field names are
 * matched byte for byte against the previous record's.
 *
 * <p>It handles well-formed input only, and only what it is sure to read exactly as Jackson does;
 * anything else (a JSON array file, malformed or truncated JSON, invalid or unusual UTF-8, escapes
 * in field names, lone surrogate escapes, values past Jackson's size limits) hands the file to
 * {@link JsonRecordReader}, which reads it again from its start, skips the records already returned
 * and carries on: the records, and any error's message, record and line, are then Jackson's (with
 * invalid UTF-8 of every kind refused: see {@link Utf8CheckingStream}). Strings are checked as
 * UTF-8 where the word-at-a-time scan meets a non-ASCII byte, so ASCII costs nothing more. Nested
 * objects and arrays are found here and copied to text by Jackson, as before. Lines are counted as
 * Jackson counts them ({@code \r\n}, {@code \r} and {@code \n} each end one).
 */
final class NdjsonByteReader extends ByteRecordReader {

  /** Jackson's default limits (StreamReadConstraints); bytes never undercount characters. */
  private static final int MAX_STRING_BYTES = 20_000_000;

  private static final int MAX_NAME_BYTES = 50_000;

  /** Well below Jackson's nesting limit, so that copying a nested value never reaches it. */
  private static final int MAX_NESTING = 400;

  private static final JsonFactory NESTED_FACTORY = new JsonFactory();
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

  private final FieldNames names = new FieldNames();
  private boolean started;
  private long line = 1;
  private boolean afterCarriageReturn;
  private NestedJsonText nested;

  NdjsonByteReader(Path file) throws IOException {
    this(file, BUFFER_BYTES);
  }

  /**
   * @param bufferBytes the read buffer's first size (a test seam: tiny buffers put buffer ends in
   *     the middle of every kind of token)
   */
  NdjsonByteReader(Path file, int bufferBytes) throws IOException {
    super(file, bufferBytes);
  }

  @Override
  RecordReader jacksonReader() throws IOException {
    return new JsonRecordReader(file);
  }

  @Override
  boolean read(SourceRecord record) throws IOException {
    while (true) {
      int at = skipWhitespace(position);
      if (at >= limit) {
        position = at;
        if (fill()) {
          continue;
        }
        if (!started) {
          return handOver(record); // an empty file: Jackson's answer, as before
        }
        return false;
      }
      position = at;
      if (!started) {
        started = true;
        if (startsWithByteOrderMark()) {
          position += 3; // Jackson skips a UTF-8 byte order mark too
          continue;
        }
        if (buffer[at] == '[') {
          return handOver(record); // one JSON array of records
        }
      }
      if (buffer[at] != '{') {
        return handOver(record);
      }
      long recordLine = line;
      int end = readRecord(record, at, recordLine);
      if (end >= 0) {
        position = end;
        recordsRead++;
        return true;
      }
      record.cancelStart();
      line = recordLine;
      afterCarriageReturn = false;
      if (end == NEED_MORE && fill()) {
        continue; // the record is read again from its start, now with more bytes
      }
      return handOver(record);
    }
  }

  /**
   * Reads the object at {@code at} into {@code record}.
   *
   * @return the position after it, or {@link #NEED_MORE} or {@link #UNSUPPORTED}
   */
  private int readRecord(SourceRecord record, int at, long recordLine) throws IOException {
    record.start(fileName, recordLine);
    unescapedSize = 0;
    int p = skipWhitespace(at + 1);
    if (p >= limit) {
      return NEED_MORE;
    }
    if (buffer[p] == '}') {
      return p + 1;
    }
    for (int field = 0; ; field++) {
      if (buffer[p] != '"') {
        return UNSUPPORTED;
      }
      int nameStart = p + 1;
      String name;
      int q;
      int known = names.lengthIfSame(field, buffer, nameStart, limit);
      if (known >= 0) {
        name = names.nameAt(field);
        q = nameStart + known;
      } else {
        q = readName(nameStart);
        if (q < 0) {
          return q;
        }
        name = names.name(field, buffer, nameStart, q - nameStart);
        if (name == null) {
          return UNSUPPORTED;
        }
      }
      p = skipWhitespace(q + 1);
      if (p >= limit) {
        return NEED_MORE;
      }
      if (buffer[p] != ':') {
        return UNSUPPORTED;
      }
      p = skipWhitespace(p + 1);
      if (p >= limit) {
        return NEED_MORE;
      }
      p = readValue(record, name, p);
      if (p < 0) {
        return p;
      }
      p = skipWhitespace(p);
      if (p >= limit) {
        return NEED_MORE;
      }
      byte b = buffer[p];
      if (b == '}') {
        return p + 1;
      }
      if (b != ',') {
        return UNSUPPORTED;
      }
      p = skipWhitespace(p + 1);
      if (p >= limit) {
        return NEED_MORE;
      }
    }
  }

  /** The position of the quote ending the name that starts at {@code q}. */
  private int readName(int q) {
    int start = q;
    while (q < limit) {
      byte b = buffer[q];
      if (b == '"') {
        return q - start > MAX_NAME_BYTES ? UNSUPPORTED : q;
      }
      if (b == '\\' || (b >= 0 && b < 0x20)) {
        return UNSUPPORTED;
      }
      q++;
    }
    return NEED_MORE;
  }

  private int readValue(SourceRecord record, String name, int p) throws IOException {
    byte b = buffer[p];
    return switch (b) {
      case '"' -> readString(record, name, p + 1);
      case 't' -> readLiteral(record, name, p, "true", RawToken.TRUE);
      case 'f' -> readLiteral(record, name, p, "false", RawToken.FALSE);
      case 'n' -> readLiteral(record, name, p, "null", RawToken.NULL);
      case '{', '[' -> readNested(record, name, p);
      default ->
          (b == '-' || (b >= '0' && b <= '9'))
              ? JsonNumbers.read(buffer, p, limit, record, name)
              : UNSUPPORTED;
    };
  }

  private int readLiteral(SourceRecord record, String name, int p, String word, RawToken token) {
    int end = p + word.length();
    if (end >= limit) {
      return NEED_MORE;
    }
    for (int i = 1; i < word.length(); i++) {
      if (buffer[p + i] != word.charAt(i)) {
        return UNSUPPORTED;
      }
    }
    if (!endsValue(buffer[end])) {
      return UNSUPPORTED;
    }
    record.add(name, token, null);
    return end;
  }

  static boolean endsValue(byte b) {
    return b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  /**
   * A string whose content starts at {@code start}: a slice of the read buffer, or, when it has
   * escapes, of the record's own buffer, into which its content is decoded.
   */
  private int readString(SourceRecord record, String name, int start) {
    int q = start;
    int from = -1; // where the decoded copy starts, once an escape is found
    int copied = start; // the bytes before this are in the decoded copy
    while (true) {
      q = skipPlainBytes(q);
      if (q >= limit) {
        return NEED_MORE;
      }
      byte b = buffer[q];
      if (b == '"') {
        break;
      }
      if (b == '\\') {
        if (from < 0) {
          from = unescapedSize;
        }
        append(buffer, copied, q - copied);
        q = unescape(q);
        if (q < 0) {
          return q;
        }
        copied = q;
      } else if (b >= 0) {
        if (b < 0x20) {
          return UNSUPPORTED;
        }
        q++;
      } else {
        int n = Utf8.sequenceLength(buffer, q, limit);
        if (n < 0) {
          return n == Utf8.INCOMPLETE ? NEED_MORE : UNSUPPORTED;
        }
        q += n;
      }
    }
    if (q - start > MAX_STRING_BYTES) {
      return UNSUPPORTED;
    }
    if (from < 0) {
      record.addSlice(name, RawToken.STRING, buffer, start, q - start, 0);
    } else {
      append(buffer, copied, q - copied);
      record.addSlice(name, RawToken.STRING, unescaped, from, unescapedSize - from, 0);
    }
    return q + 1;
  }

  /**
   * Skips plain bytes (not a quote, a backslash, a control or a non-ASCII byte), eight at a time:
   * the first special byte of a word is found from its flag bit (the subtractions' borrows only
   * flag bytes above a special one, never below). Returns the first special byte's position, or a
   * position within the last 7 bytes of the buffer, which the caller looks at one by one.
   */
  private int skipPlainBytes(int q) {
    while (q + 8 <= limit) {
      long word = (long) LONGS.get(buffer, q);
      long quote = word ^ 0x2222_2222_2222_2222L;
      long backslash = word ^ 0x5C5C_5C5C_5C5C_5C5CL;
      long special =
          (((quote - ONES) & ~quote)
                  | ((backslash - ONES) & ~backslash)
                  | ((word - 0x2020_2020_2020_2020L) & ~word)
                  | word)
              & HIGH_BITS;
      if (special != 0) {
        return q + (Long.numberOfTrailingZeros(special) >>> 3);
      }
      q += 8;
    }
    return q;
  }

  /** Decodes the escape at {@code q} into the record's buffer; the position after it. */
  private int unescape(int q) {
    if (q + 1 >= limit) {
      return NEED_MORE;
    }
    switch (buffer[q + 1]) {
      case '"' -> appendByte('"');
      case '\\' -> appendByte('\\');
      case '/' -> appendByte('/');
      case 'b' -> appendByte('\b');
      case 'f' -> appendByte('\f');
      case 'n' -> appendByte('\n');
      case 'r' -> appendByte('\r');
      case 't' -> appendByte('\t');
      case 'u' -> {
        return readUnicodeEscape(q);
      }
      default -> {
        return UNSUPPORTED;
      }
    }
    return q + 2;
  }

  /** {@code \\uXXXX} at {@code q} (a surrogate pair takes two); the position after it. */
  private int readUnicodeEscape(int q) {
    int unit = hex4(q + 2);
    if (unit < 0) {
      return unit;
    }
    int end = q + 6;
    int codePoint = unit;
    if (Character.isHighSurrogate((char) unit)) {
      if (end + 6 > limit) {
        return NEED_MORE;
      }
      if (buffer[end] != '\\' || buffer[end + 1] != 'u') {
        return UNSUPPORTED; // a lone surrogate: Jackson's string keeps it, the file would not
      }
      int low = hex4(end + 2);
      if (low < 0) {
        return low;
      }
      if (!Character.isLowSurrogate((char) low)) {
        return UNSUPPORTED;
      }
      codePoint = Character.toCodePoint((char) unit, (char) low);
      end += 6;
    } else if (Character.isLowSurrogate((char) unit)) {
      return UNSUPPORTED;
    }
    appendCodePoint(codePoint);
    return end;
  }

  private int hex4(int at) {
    if (at + 4 > limit) {
      return NEED_MORE;
    }
    int value = 0;
    for (int i = at; i < at + 4; i++) {
      int digit = Character.digit(buffer[i], 16);
      if (digit < 0) {
        return UNSUPPORTED;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private void appendCodePoint(int c) {
    if (c < 0x80) {
      appendByte(c);
    } else if (c < 0x800) {
      appendByte(0xC0 | (c >> 6));
      appendByte(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      appendByte(0xE0 | (c >> 12));
      appendByte(0x80 | ((c >> 6) & 0x3F));
      appendByte(0x80 | (c & 0x3F));
    } else {
      appendByte(0xF0 | (c >> 18));
      appendByte(0x80 | ((c >> 12) & 0x3F));
      appendByte(0x80 | ((c >> 6) & 0x3F));
      appendByte(0x80 | (c & 0x3F));
    }
  }

  /** An object or array: its end found here, its compact text made by Jackson. */
  private int readNested(SourceRecord record, String name, int start) throws IOException {
    int depth = 0;
    int q = start;
    while (true) {
      if (q >= limit) {
        return NEED_MORE;
      }
      byte b = buffer[q];
      if (b == '"') {
        q = skipString(q + 1);
        if (q < 0) {
          return q;
        }
        continue;
      }
      if (b == '{' || b == '[') {
        if (++depth > MAX_NESTING) {
          return UNSUPPORTED;
        }
      } else if (b == '}' || b == ']') {
        if (--depth == 0) {
          q++;
          break;
        }
      } else if (b == '\n' || b == '\r') {
        countLineBreak(b);
        q++;
        continue;
      }
      afterCarriageReturn = false;
      q++;
    }
    if (!Utf8.isValid(buffer, start, q - start)) {
      return UNSUPPORTED; // Jackson's copy would take overlong forms and surrogates: refused there
    }
    if (nested == null) {
      nested = new NestedJsonText(NESTED_FACTORY);
    }
    String text;
    try (JsonParser parser = NESTED_FACTORY.createParser(buffer, start, q - start)) {
      parser.nextToken();
      text = nested.copy(parser);
      if (parser.nextToken() != null) {
        return UNSUPPORTED;
      }
    } catch (IOException malformed) {
      return UNSUPPORTED; // Jackson will read the file and say what is wrong, and where
    }
    record.add(name, RawToken.NESTED, text);
    return q;
  }

  /** The position after the string whose content starts at {@code q}. */
  private int skipString(int q) {
    while (q < limit) {
      byte b = buffer[q];
      if (b == '"') {
        return q + 1;
      }
      q += b == '\\' ? 2 : 1;
    }
    return NEED_MORE;
  }

  /** The first position from {@code p} that is not JSON whitespace; counts line breaks. */
  private int skipWhitespace(int p) {
    while (p < limit) {
      byte b = buffer[p];
      if (b == '\n' || b == '\r') {
        countLineBreak(b);
      } else {
        if (afterCarriageReturn) {
          afterCarriageReturn = false; // written only when set: most calls find no whitespace
        }
        if (b != ' ' && b != '\t') {
          return p;
        }
      }
      p++;
    }
    return p;
  }

  /** As Jackson counts: {@code \r\n} is one line break, a lone {@code \r} or {@code \n} one. */
  private void countLineBreak(byte b) {
    if (b == '\r') {
      line++;
      afterCarriageReturn = true;
    } else {
      if (!afterCarriageReturn) {
        line++;
      }
      afterCarriageReturn = false;
    }
  }
}
