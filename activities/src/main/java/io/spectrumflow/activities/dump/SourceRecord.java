package io.spectrumflow.activities.dump;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One input record as a reader found it: field names and raw values, in input order. A single
 * instance is refilled for every record, so that reading allocates little more than the values'
 * strings. Record numbers count through all of a batch's inputs.
 *
 * <p>A reader working on bytes may give a value's text as a UTF-8 slice of its buffer instead of a
 * string: the slice is valid until the next record, written to the files as it is, and decoded to a
 * string only if something asks for the text. A string value's date-time is parsed at most once per
 * record, however many steps (classification, partition, conversion) look at it.
 */
final class SourceRecord {

  private static final long UNPARSED = Long.MIN_VALUE + 1;

  private String fileName;
  private long number;
  private long line;
  private int size;
  private String[] names = new String[16];
  private RawToken[] tokens = new RawToken[16];
  private String[] texts = new String[16];
  private byte[][] slices = new byte[16][];
  private int[] sliceOffsets = new int[16];
  private int[] sliceLengths = new int[16];
  private long[] longs = new long[16];
  private double[] doubles = new double[16];
  private long[] micros = new long[16];

  /** Starts the next record, forgetting the previous one's fields. */
  void start(String fileName, long line) {
    this.fileName = fileName;
    this.number++;
    this.line = line;
    this.size = 0;
  }

  /** Takes back the last {@link #start}, for a record a reader could not finish. */
  void cancelStart() {
    this.number--;
    this.size = 0;
  }

  /** Sets the record's line once the reader knows it (CSV knows it at the first field). */
  void line(long line) {
    this.line = line;
  }

  /** Counts records from 1 again, for another pass over the same inputs. */
  void rewind() {
    number = 0;
    size = 0;
  }

  void add(String name, RawToken token, String text) {
    int i = next(name, token);
    texts[i] = text;
  }

  void addInteger(String name, long value) {
    int i = next(name, RawToken.INTEGER);
    longs[i] = value;
    texts[i] = null;
  }

  void addFloat(String name, double value, String text) {
    int i = next(name, RawToken.FLOAT);
    doubles[i] = value;
    texts[i] = text;
  }

  /**
   * A value whose text is {@code length} UTF-8 bytes of {@code bytes} at {@code offset}, valid
   * until the next record: a STRING, or the digits of a FLOAT (with its value) or BIG_INTEGER.
   */
  void addSlice(String name, RawToken token, byte[] bytes, int offset, int length, double value) {
    int i = next(name, token);
    texts[i] = null;
    slices[i] = bytes;
    sliceOffsets[i] = offset;
    sliceLengths[i] = length;
    doubles[i] = value;
  }

  private int next(String name, RawToken token) {
    if (size == names.length) {
      int capacity = size * 2;
      names = Arrays.copyOf(names, capacity);
      tokens = Arrays.copyOf(tokens, capacity);
      texts = Arrays.copyOf(texts, capacity);
      slices = Arrays.copyOf(slices, capacity);
      sliceOffsets = Arrays.copyOf(sliceOffsets, capacity);
      sliceLengths = Arrays.copyOf(sliceLengths, capacity);
      longs = Arrays.copyOf(longs, capacity);
      doubles = Arrays.copyOf(doubles, capacity);
      micros = Arrays.copyOf(micros, capacity);
    }
    names[size] = name;
    tokens[size] = token;
    slices[size] = null;
    micros[size] = UNPARSED;
    return size++;
  }

  String fileName() {
    return fileName;
  }

  /** 1-based, counted through all inputs of the batch. */
  long number() {
    return number;
  }

  /** The line the record starts on, 1-based; 0 if unknown. */
  long line() {
    return line;
  }

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  RawToken token(int i) {
    return tokens[i];
  }

  /** The raw text: for STRING, TEXT, NESTED, FLOAT and BIG_INTEGER; null for the others. */
  String rawText(int i) {
    String text = texts[i];
    if (text == null && slices[i] != null) {
      text = new String(slices[i], sliceOffsets[i], sliceLengths[i], StandardCharsets.UTF_8);
      texts[i] = text;
    }
    return text;
  }

  /** Whether the raw text is a UTF-8 slice ({@link #sliceBytes}). */
  boolean hasSlice(int i) {
    return slices[i] != null;
  }

  byte[] sliceBytes(int i) {
    return slices[i];
  }

  int sliceOffset(int i) {
    return sliceOffsets[i];
  }

  int sliceLength(int i) {
    return sliceLengths[i];
  }

  long longValue(int i) {
    return longs[i];
  }

  double doubleValue(int i) {
    return doubles[i];
  }

  /**
   * The epoch microseconds of a STRING or TEXT value that is an ISO-8601 date-time, else {@link
   * IsoTimestamps#INVALID}; parsed once.
   */
  long dateTimeMicros(int i) {
    long parsed = micros[i];
    if (parsed == UNPARSED) {
      RawToken token = tokens[i];
      if (token != RawToken.STRING && token != RawToken.TEXT) {
        parsed = IsoTimestamps.INVALID;
      } else if (slices[i] != null) {
        parsed = IsoTimestamps.dateTimeMicros(slices[i], sliceOffsets[i], sliceLengths[i]);
      } else {
        parsed = IsoTimestamps.dateTimeMicros(texts[i]);
      }
      micros[i] = parsed;
    }
    return parsed;
  }

  /** {@link #dateTimeMicros}, or else a date's midnight UTC, or {@link IsoTimestamps#INVALID}. */
  long dateTimeOrDateMicros(int i) {
    long parsed = dateTimeMicros(i);
    if (parsed != IsoTimestamps.INVALID) {
      return parsed;
    }
    RawToken token = tokens[i];
    if (token != RawToken.STRING && token != RawToken.TEXT) {
      return IsoTimestamps.INVALID;
    }
    return slices[i] != null
        ? IsoTimestamps.dateMicros(slices[i], sliceOffsets[i], sliceLengths[i])
        : IsoTimestamps.dateMicros(texts[i]);
  }

  /** The value as text, which is how a STRING column holds any value; null for null. */
  String text(int i) {
    return switch (tokens[i]) {
      case NULL -> null;
      case TRUE -> "true";
      case FALSE -> "false";
      case INTEGER -> Long.toString(longs[i]);
      default -> rawText(i);
    };
  }

  /** The value as an error message shows it, e.g. {@code the string "abc"}. */
  String describe(int i) {
    return switch (tokens[i]) {
      case NULL -> "null";
      case TRUE, FALSE -> "the boolean " + text(i);
      case INTEGER, BIG_INTEGER, FLOAT -> "the number " + text(i);
      case STRING -> "the string " + BadInput.quote(rawText(i));
      case NESTED ->
          (rawText(i).startsWith("[") ? "the array " : "the object ") + BadInput.quote(rawText(i));
      case TEXT -> "the value " + BadInput.quote(rawText(i));
    };
  }
}
