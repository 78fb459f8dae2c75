package io.spectrumflow.activities.dump;

/**
 * One value a column got during inference, kept with its place so that a later conflict can show
 * it: the first value of each kind that changed the column's type.
 *
 * @param kind the value's own kind
 * @param shown the value as a message shows it, e.g. {@code the string "abc"}
 * @param field the field as named in the input
 */
record ValueSample(
    ValueKind kind, String shown, String field, String file, long record, long line) {

  static ValueSample of(SourceRecord record, int i, ValueKind kind) {
    return new ValueSample(
        kind,
        record.describe(i),
        record.name(i),
        record.fileName(),
        record.number(),
        record.line());
  }
}
