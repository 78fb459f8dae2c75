package io.spectrumflow.activities.dump;

/**
 * The input cannot be turned into the table: retrying will not help. The message is for a human: it
 * says where (record, line, file, field and column), what was found, what was expected and what to
 * do.
 */
public class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long record;
  private final long line;
  private final String column;

  /**
   * @param message the whole human-readable message
   * @param record the 1-based record number in the batch (all inputs in order); 0 when the problem
   *     is not in one record (e.g. an empty batch or a CSV header)
   * @param line the 1-based line in the input file; 0 if unknown
   * @param column the field as named in the input, or null when the problem is not in one field
   */
  public BadInputException(String message, long record, long line, String column) {
    super(message);
    this.record = record;
    this.line = line;
    this.column = column;
  }

  /** The 1-based record number in the batch, or 0 when the problem is not in one record. */
  public long record() {
    return record;
  }

  /** The 1-based line in the input file, or 0 if unknown. */
  public long line() {
    return line;
  }

  /** The field as named in the input, or null when the problem is not in one field. */
  public String column() {
    return column;
  }
}
