package io.spectrumflow.activities.dump;

import io.spectrumflow.activities.dump.parquet.ColumnVector;
import io.spectrumflow.activities.dump.parquet.FlatColumn;
import io.spectrumflow.activities.dump.parquet.FlatSchema;
import io.spectrumflow.activities.dump.parquet.ParquetKind;
import io.spectrumflow.activities.dump.parquet.RowBatch;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Lays resolved records into a {@link RowBatch} as the files' columns take them: each written
 * column's value converted to its type ({@link TypedValues}), STRING as UTF-8, TIMESTAMP as epoch
 * microseconds (for an INT64 or an INT96 column, as the pipeline's encoding says).
 *
 * <p>A STRING value over {@value #MAX_VARCHAR_BYTES} bytes of UTF-8 is refused: that is Redshift's
 * longest VARCHAR, and Redshift Spectrum reads a longer value as NULL without failing (the external
 * table property {@code surplus_char_handling}, SET_TO_NULL by default), so the text would be lost
 * silently in the table.
 */
final class RowEncoder {

  /** Redshift's longest VARCHAR, in bytes. */
  static final int MAX_VARCHAR_BYTES = 65_535;

  private final FlatSchema schema;
  private final ColumnType[] types;
  private final String[] names;
  private final int[] sources;

  RowEncoder(WrittenColumns written, TimestampEncoding timestamps) {
    List<ColumnSpec> columns = written.columns();
    this.schema =
        FlatSchema.of(
            columns.stream().map(c -> new FlatColumn(c.name(), kindOf(c, timestamps))).toList());
    this.types = columns.stream().map(ColumnSpec::type).toArray(ColumnType[]::new);
    this.names = columns.stream().map(ColumnSpec::name).toArray(String[]::new);
    this.sources = written.sources();
  }

  private static ParquetKind kindOf(ColumnSpec column, TimestampEncoding timestamps) {
    return switch (column.type()) {
      case BIGINT -> ParquetKind.INT64;
      case DOUBLE -> ParquetKind.DOUBLE;
      case BOOLEAN -> ParquetKind.BOOLEAN;
      case STRING -> ParquetKind.STRING;
      case TIMESTAMP ->
          timestamps == TimestampEncoding.INT96 ? ParquetKind.INT96 : ParquetKind.TIMESTAMP_MICROS;
    };
  }

  FlatSchema schema() {
    return schema;
  }

  /**
   * Fills row {@code row} of {@code batch} from {@code record}.
   *
   * @throws BadInputException when a value does not fit its column
   */
  void encode(SourceRecord record, RecordColumns columns, RowBatch batch, int row) {
    for (int c = 0; c < types.length; c++) {
      int i = columns.fieldOf(sources[c]);
      if (i < 0 || record.token(i) == RawToken.NULL) {
        batch.vector(c).setNull(row);
        continue;
      }
      switch (types[c]) {
        case STRING -> text(names[c], record, i, batch.bytes(c), row);
        case BIGINT -> batch.longs(c).set(row, TypedValues.toLong(names[c], record, i));
        case DOUBLE -> batch.doubles(c).set(row, TypedValues.toDouble(names[c], record, i));
        case BOOLEAN -> batch.booleans(c).set(row, TypedValues.toBoolean(names[c], record, i));
        case TIMESTAMP -> batch.longs(c).set(row, TypedValues.toMicros(names[c], record, i));
      }
    }
  }

  private static void text(
      String column, SourceRecord record, int i, ColumnVector.Bytes vector, int row) {
    if (record.hasSlice(i)) {
      // The reader's UTF-8 bytes, exactly what encoding the decoded string would give back.
      int length = record.sliceLength(i);
      if (length > MAX_VARCHAR_BYTES) {
        throw tooLong(column, record, i, length);
      }
      vector.set(row, record.sliceBytes(i), record.sliceOffset(i), length);
      return;
    }
    // As parquet-avro's Binary.fromString did: an unpaired surrogate becomes '?'.
    byte[] utf8 = record.text(i).getBytes(StandardCharsets.UTF_8);
    if (utf8.length > MAX_VARCHAR_BYTES) {
      throw tooLong(column, record, i, utf8.length);
    }
    vector.set(row, utf8, 0, utf8.length);
  }

  private static BadInputException tooLong(String column, SourceRecord record, int i, int bytes) {
    return BadInput.inRecord(record)
        .field(record.name(i), column)
        .problem(
            String.format(
                Locale.ROOT,
                "the value is %,d bytes of UTF-8, more than the %,d bytes of Redshift's longest"
                    + " VARCHAR: Redshift Spectrum would read it as NULL (its default for"
                    + " surplus_char_handling), and the text would be lost",
                bytes,
                MAX_VARCHAR_BYTES),
            "Shorten the value or split it over several fields, or leave the field out of the"
                + " pipeline's schema.");
  }
}
