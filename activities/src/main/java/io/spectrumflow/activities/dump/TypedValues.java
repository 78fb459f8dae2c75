package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnType;

/**
 * Converts a raw value (not null) to its column's type: long (BIGINT, and TIMESTAMP as epoch
 * microseconds), double or boolean; any value fits a STRING column as its text ({@link
 * SourceRecord#text}). Strings and CSV text are accepted where they hold a value of the column's
 * type by the same rules inference uses (so a given schema may type a quoted "42" as BIGINT); a
 * TIMESTAMP column also takes a date as midnight UTC. A value that does not fit is bad input naming
 * the field and column, and so is a number beyond a double's range ({@link DoubleRange}).
 */
final class TypedValues {

  private TypedValues() {}

  static long toLong(String column, SourceRecord record, int i) {
    return switch (record.token(i)) {
      case INTEGER -> record.longValue(i);
      case BIG_INTEGER -> throw tooLarge(column, record, i);
      case STRING, TEXT -> {
        Text text = Text.of(record, i);
        if (NumberText.isLong(text.bytes(), text.from(), text.length())) {
          yield NumberText.parseLong(text.bytes(), text.from(), text.length());
        }
        if (NumberText.isInteger(text.bytes(), text.from(), text.length())) {
          throw tooLarge(column, record, i);
        }
        throw mismatch(column, ColumnType.BIGINT, record, i);
      }
      default -> throw mismatch(column, ColumnType.BIGINT, record, i);
    };
  }

  static double toDouble(String column, SourceRecord record, int i) {
    return switch (record.token(i)) {
      case INTEGER -> (double) record.longValue(i);
      case FLOAT -> {
        if (!DoubleRange.holds(record, i)) {
          throw beyondDouble(column, record, i, record.doubleValue(i));
        }
        yield record.doubleValue(i);
      }
      case BIG_INTEGER -> {
        double value = Double.parseDouble(record.rawText(i));
        if (Double.isInfinite(value)) {
          throw beyondDouble(column, record, i, value);
        }
        yield value;
      }
      case STRING, TEXT -> {
        Text text = Text.of(record, i);
        if (NumberText.isInteger(text.bytes(), text.from(), text.length())
            || NumberText.isDecimal(text.bytes(), text.from(), text.length())) {
          double value = DecimalText.parse(text.bytes(), text.from(), text.length());
          if (!DoubleRange.holds(value, text.bytes(), text.from(), text.length())) {
            throw beyondDouble(column, record, i, value);
          }
          yield value;
        }
        throw mismatch(column, ColumnType.DOUBLE, record, i);
      }
      default -> throw mismatch(column, ColumnType.DOUBLE, record, i);
    };
  }

  static boolean toBoolean(String column, SourceRecord record, int i) {
    return switch (record.token(i)) {
      case TRUE -> true;
      case FALSE -> false;
      case STRING, TEXT -> {
        if (record.hasSlice(i)) {
          if (ValueClassifier.isBoolean(
              record.sliceBytes(i), record.sliceOffset(i), record.sliceLength(i))) {
            // true or false in any case: the first letter, always ASCII, tells which.
            yield (record.sliceBytes(i)[record.sliceOffset(i)] | 0x20) == 't';
          }
        } else if (ValueClassifier.isBoolean(record.rawText(i))) {
          yield record.rawText(i).length() == 4;
        }
        throw mismatch(column, ColumnType.BOOLEAN, record, i);
      }
      default -> throw mismatch(column, ColumnType.BOOLEAN, record, i);
    };
  }

  static long toMicros(String column, SourceRecord record, int i) {
    RawToken token = record.token(i);
    if (token == RawToken.STRING || token == RawToken.TEXT) {
      long micros = record.dateTimeOrDateMicros(i);
      if (micros != IsoTimestamps.INVALID) {
        return micros;
      }
    }
    throw mismatch(column, ColumnType.TIMESTAMP, record, i);
  }

  private static BadInputException mismatch(
      String column, ColumnType type, SourceRecord record, int i) {
    String expected =
        switch (type) {
          case BIGINT -> "an integer";
          case DOUBLE -> "a number";
          case BOOLEAN -> "true or false";
          case TIMESTAMP -> "an ISO-8601 date-time such as 2026-11-24T10:15:30Z";
          case STRING -> "text";
        };
    return BadInput.inRecord(record)
        .field(record.name(i), column)
        .problem(
            "found " + record.describe(i) + " where the " + type + " column expects " + expected,
            "Correct the value, or change the column's type in the pipeline's schema (STRING"
                + " holds anything).");
  }

  private static BadInputException tooLarge(String column, SourceRecord record, int i) {
    return BadInput.inRecord(record)
        .field(record.name(i), column)
        .problem(
            "found "
                + record.describe(i)
                + ", too large for a BIGINT column (from "
                + Long.MIN_VALUE
                + " to "
                + Long.MAX_VALUE
                + ")",
            "Declare the column DOUBLE or STRING in the pipeline's schema, or correct the value.");
  }

  /**
   * @param stored what the double would have been: ±Infinity or 0.0
   */
  private static BadInputException beyondDouble(
      String column, SourceRecord record, int i, double stored) {
    return BadInput.inRecord(record)
        .field(record.name(i), column)
        .problem(
            "found "
                + record.describe(i)
                + ", beyond the range of a DOUBLE column (it would be stored as "
                + stored
                + "; doubles reach ±"
                + Double.MAX_VALUE
                + ", and the smallest non-zero one is "
                + Double.MIN_VALUE
                + ")",
            "Declare the column STRING in the pipeline's schema to keep the number as its text, or"
                + " correct the value.");
  }

  /** A value's text as bytes: a reader's UTF-8 slice, or a string's ASCII bytes. */
  private record Text(byte[] bytes, int from, int length) {
    static Text of(SourceRecord record, int i) {
      if (record.hasSlice(i)) {
        return new Text(record.sliceBytes(i), record.sliceOffset(i), record.sliceLength(i));
      }
      byte[] ascii = NumberText.ascii(record.rawText(i));
      return new Text(ascii, 0, ascii.length);
    }
  }
}
