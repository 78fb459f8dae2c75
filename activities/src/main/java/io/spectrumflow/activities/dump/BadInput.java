package io.spectrumflow.activities.dump;

/**
 * Builds {@link BadInputException}s so that every message has the same shape: where (record, line,
 * file, field and column), then what was found and expected, then what to do.
 */
final class BadInput {

  private static final int MAX_SHOWN_CHARS = 60;
  private static final String REDACTED_SOURCE =
      "[Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

  private final String file;
  private final long record;
  private final long line;
  private String field;
  private String column;

  private BadInput(String file, long record, long line) {
    this.file = file;
    this.record = record;
    this.line = line;
  }

  /** A problem in the record the reader has just read. */
  static BadInput inRecord(SourceRecord record) {
    return new BadInput(record.fileName(), record.number(), record.line());
  }

  /** A problem at a place in a file; record 0 when it is not inside a record. */
  static BadInput at(String file, long record, long line) {
    return new BadInput(file, record, line);
  }

  /** A problem with the batch as a whole. */
  static BadInput inBatch() {
    return new BadInput(null, 0, 0);
  }

  /** Names the field, and the column it maps to when that name differs. */
  BadInput field(String fieldName, String columnName) {
    this.field = fieldName;
    this.column = columnName;
    return this;
  }

  /**
   * @param problem what was found and what was expected, without a final period
   * @param fix what to do about it, a sentence
   */
  BadInputException problem(String problem, String fix) {
    String message = where() + ": " + problem + ". " + fix;
    return new BadInputException(message, record, line, field);
  }

  private String where() {
    StringBuilder where = new StringBuilder();
    if (record > 0) {
      where.append("Record ").append(record);
      if (line > 0) {
        where.append(" (line ").append(line).append(" of ").append(file).append(')');
      } else if (file != null) {
        where.append(" (in ").append(file).append(')');
      }
    } else if (line > 0) {
      where.append("Line ").append(line).append(" of ").append(file);
    } else if (file != null) {
      where.append("Input ").append(file);
    } else {
      where.append("Bad input");
    }
    if (field != null) {
      where.append(", field ").append(quote(field));
      if (column != null && !column.equals(field)) {
        where.append(" (column ").append(column).append(')');
      }
    }
    return where.toString();
  }

  /** A value as a message shows it: quoted, control characters escaped, long values cut. */
  static String quote(String value) {
    StringBuilder shown = new StringBuilder(Math.min(value.length(), MAX_SHOWN_CHARS) + 8);
    shown.append('"');
    int end = Math.min(value.length(), MAX_SHOWN_CHARS);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> shown.append("\\n");
        case '\r' -> shown.append("\\r");
        case '\t' -> shown.append("\\t");
        case '"' -> shown.append("\\\"");
        default -> {
          if (c < 0x20) {
            shown.append(String.format("\\u%04x", (int) c));
          } else {
            shown.append(c);
          }
        }
      }
    }
    if (end < value.length()) {
      shown.append("...");
    }
    return shown.append('"').toString();
  }

  /** A Jackson error message without the placeholder it prints for the input's name. */
  static String parserDetail(String message) {
    return message == null ? "no detail" : message.replace(REDACTED_SOURCE, "[");
  }
}
