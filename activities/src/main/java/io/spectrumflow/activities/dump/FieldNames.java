package io.spectrumflow.activities.dump;

import io.spectrumflow.activities.dump.parquet.ByteSlices;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Field names for a byte reader: records of a batch usually list the same names in the same order,
 * so the name last seen at each position is compared byte for byte and its string reused; a name is
 * decoded only when it differs. Equal names are the same string instance, as Jackson's interned
 * names are, which is what {@link FieldIndex} checks first.
 */
final class FieldNames {

  private byte[][] bytesAt = new byte[16][];
  private String[] namesAt = new String[16];
  private final Map<String, String> canonical = new HashMap<>();

  /**
   * The length of the name last seen at {@code position} if the bytes at {@code offset} are that
   * name followed by a closing quote; else -1. Names are read without escapes, so such bytes are
   * exactly that name: its end need not be searched for.
   */
  int lengthIfSame(int position, byte[] bytes, int offset, int limit) {
    if (position >= bytesAt.length) {
      return -1;
    }
    byte[] last = bytesAt[position];
    if (last == null) {
      return -1;
    }
    int length = last.length;
    if (offset + length >= limit
        || bytes[offset + length] != '"'
        || !ByteSlices.equal(last, 0, bytes, offset, length)) {
      return -1;
    }
    return length;
  }

  /** The name last seen at {@code position}. */
  String nameAt(int position) {
    return namesAt[position];
  }

  /** The name in {@code length} bytes at {@code offset}; null if they are not valid UTF-8. */
  String name(int position, byte[] bytes, int offset, int length) {
    if (position < namesAt.length) {
      byte[] last = bytesAt[position];
      if (last != null
          && last.length == length
          && ByteSlices.equal(last, 0, bytes, offset, length)) {
        return namesAt[position];
      }
    } else {
      bytesAt = Arrays.copyOf(bytesAt, Math.max(position + 1, bytesAt.length * 2));
      namesAt = Arrays.copyOf(namesAt, bytesAt.length);
    }
    if (!Utf8.isValid(bytes, offset, length)) {
      return null;
    }
    String name =
        canonical.computeIfAbsent(
            new String(bytes, offset, length, StandardCharsets.UTF_8), decoded -> decoded);
    bytesAt[position] = Arrays.copyOfRange(bytes, offset, offset + length);
    namesAt[position] = name;
    return name;
  }
}
