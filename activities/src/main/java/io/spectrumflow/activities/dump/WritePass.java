package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import java.io.IOException;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.avro.generic.GenericRecord;

/**
 * The pass that writes: each record is laid onto the columns, typed, encoded and routed to its
 * partition's open file.
 */
final class WritePass {

  static final int MAX_OPEN_FILES = 8;
  static final int PROGRESS_EVERY = 10_000;

  private final AvroRecordEncoder encoder;
  private final RecordColumns resolved;
  private final ParquetSpec parquet;

  /**
   * @param index maps the records' fields to {@code columns}
   */
  WritePass(List<ColumnSpec> columns, FieldIndex index, ParquetSpec parquet) {
    this.encoder = new AvroRecordEncoder(columns);
    this.resolved = new RecordColumns(index);
    this.parquet = parquet;
  }

  /**
   * @param rowsSoFar told the rows written every {@value #PROGRESS_EVERY} records
   * @return the files written, by partition then sequence
   */
  List<PartFile> run(
      RecordScan scan, BatchLayout layout, PartitionDates partitions, LongConsumer rowsSoFar)
      throws IOException {
    AvroParquetFiles opener = new AvroParquetFiles(encoder.schema(), parquet);
    try (PartitionWriters<GenericRecord> writers =
        new PartitionWriters<>(layout, opener, parquet.targetFileBytes(), MAX_OPEN_FILES)) {
      scan.forEach(
          record -> {
            resolved.resolve(record);
            writers.write(partitions.of(record, resolved), encoder.encode(record, resolved));
            if (record.number() % PROGRESS_EVERY == 0) {
              rowsSoFar.accept(record.number());
            }
          });
      return writers.finishAll();
    }
  }

  /** Values of fields that have no column (left out by a given schema). */
  long ignoredValues() {
    return resolved.ignoredValues();
  }
}
