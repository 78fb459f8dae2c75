package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
   * @param index maps the records' fields to the batch columns that {@code columns} take values
   *     from
   */
  WritePass(WrittenColumns columns, FieldIndex index, ParquetSpec parquet) {
    this.encoder = new AvroRecordEncoder(columns, parquet.timestampEncoding());
    this.resolved = new RecordColumns(index);
    this.parquet = parquet;
  }

  /**
   * Writes the records, at most {@value #MAX_OPEN_FILES} partitions per pass over the input: a
   * batch spanning more partitions than that is read again for the next group, so that each
   * partition still gets one file (or several of the target size), never a file per run of
   * interleaved records.
   *
   * @param rowsSoFar told the rows written every {@value #PROGRESS_EVERY} records
   * @return the files written, by partition then sequence
   */
  List<PartFile> run(
      RecordScan scan, BatchLayout layout, PartitionDates partitions, LongConsumer rowsSoFar)
      throws IOException {
    AvroParquetFiles opener = new AvroParquetFiles(encoder.schema(), parquet);
    Set<String> written = new HashSet<>();
    List<PartFile> files = new ArrayList<>();
    long[] rows = {0};
    boolean moreGroups = true;
    while (moreGroups) {
      Set<String> group = new HashSet<>();
      boolean[] deferred = {false};
      try (PartitionWriters<GenericRecord> writers =
          new PartitionWriters<>(layout, opener, parquet.targetFileBytes(), MAX_OPEN_FILES)) {
        scan.forEach(
            record -> {
              resolved.resolve(record);
              String partition = partitions.of(record, resolved);
              if (written.contains(partition)) {
                return;
              }
              if (!group.contains(partition)) {
                if (group.size() == MAX_OPEN_FILES) {
                  deferred[0] = true; // written by a later pass
                  return;
                }
                group.add(partition);
              }
              writers.write(partition, encoder.encode(record, resolved));
              if (++rows[0] % PROGRESS_EVERY == 0) {
                rowsSoFar.accept(rows[0]);
              }
            });
        files.addAll(writers.finishAll());
      }
      written.addAll(group);
      moreGroups = deferred[0];
    }
    files.sort(Comparator.comparing(PartFile::partitionValue).thenComparingInt(PartFile::sequence));
    return files;
  }

  /** Values of fields that have no column (left out by a given schema). */
  long ignoredValues() {
    return resolved.ignoredValues();
  }
}
