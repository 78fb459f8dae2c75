package io.spectrumflow.activities.dump;

/**
 * Lets the write pass start on columns inferred from the first records only, and keeps inferring
 * from the records it writes: should any later record add a column or widen a type, the columns
 * written so far are not the batch's, and {@link SchemaChanged} stops the pass (its files are
 * deleted and the batch is written again on the columns inferred from every record). When no record
 * changes anything, the columns inferred from the first records are exactly those a full first pass
 * would have found, so the files are the same; the input was read once instead of twice.
 */
final class SpeculativeSchema {

  /** Thrown out of the write pass when a record changes the inferred columns. */
  static final class SchemaChanged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SchemaChanged(long record) {
      super("record " + record + " changes the columns inferred so far", null, false, false);
    }
  }

  private final SchemaInference inference;
  private final long inferredRecords;
  private final long changes;

  /**
   * @param inference what the first {@code inferredRecords} records gave
   */
  SpeculativeSchema(SchemaInference inference, long inferredRecords) {
    this.inference = inference;
    this.inferredRecords = inferredRecords;
    this.changes = inference.changes();
  }

  /**
   * Infers from {@code record} (resolved) if the first pass did not see it.
   *
   * @throws SchemaChanged when it, or its resolution, changed the columns
   */
  void check(SourceRecord record, RecordColumns resolved) {
    if (record.number() > inferredRecords) {
      inference.accept(record, resolved);
    }
    if (inference.changes() != changes) {
      throw new SchemaChanged(record.number());
    }
  }
}
