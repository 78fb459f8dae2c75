package io.spectrumflow.activities.dump;

import java.util.Arrays;

/**
 * One input record as a reader found it: field names and raw values, in input order. A single
 * instance is refilled for every record, so that reading allocates little more than the values'
 * strings. Record numbers count through all of a batch's inputs.
 */
final class SourceRecord {

  private String fileName;
  private long number;
  private long line;
  private int size;
  private String[] names = new String[16];
  private RawToken[] tokens = new RawToken[16];
  private String[] texts = new String[16];
  private long[] longs = new long[16];
  private double[] doubles = new double[16];

  /** Starts the next record, forgetting the previous one's fields. */
  void start(String fileName, long line) {
    this.fileName = fileName;
    this.number++;
    this.line = line;
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

  private int next(String name, RawToken token) {
    if (size == names.length) {
      int capacity = size * 2;
      names = Arrays.copyOf(names, capacity);
      tokens = Arrays.copyOf(tokens, capacity);
      texts = Arrays.copyOf(texts, capacity);
      longs = Arrays.copyOf(longs, capacity);
      doubles = Arrays.copyOf(doubles, capacity);
    }
    names[size] = name;
    tokens[size] = token;
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
    return texts[i];
  }

  long longValue(int i) {
    return longs[i];
  }

  double doubleValue(int i) {
    return doubles[i];
  }

  /** The value as text, which is how a STRING column holds any value; null for null. */
  String text(int i) {
    return switch (tokens[i]) {
      case NULL -> null;
      case TRUE -> "true";
      case FALSE -> "false";
      case INTEGER -> Long.toString(longs[i]);
      default -> texts[i];
    };
  }

  /** The value as an error message shows it, e.g. {@code the string "abc"}. */
  String describe(int i) {
    return switch (tokens[i]) {
      case NULL -> "null";
      case TRUE, FALSE -> "the boolean " + text(i);
      case INTEGER, BIG_INTEGER, FLOAT -> "the number " + text(i);
      case STRING -> "the string " + BadInput.quote(texts[i]);
      case NESTED ->
          (texts[i].startsWith("[") ? "the array " : "the object ") + BadInput.quote(texts[i]);
      case TEXT -> "the value " + BadInput.quote(texts[i]);
    };
  }
}
