package io.spectrumflow.activities.dump;

import io.spectrumflow.activities.dump.parquet.FlatParquetFile;
import io.spectrumflow.activities.dump.parquet.PageScratch;
import io.spectrumflow.activities.dump.parquet.RowBatch;
import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The pass that writes: each record is laid onto the columns, typed and encoded into a batch of
 * rows on the calling thread, and each batch is routed row by row to its partitions' open files, on
 * writer threads when there are threads to spare (see {@link DumpThreads}): reading and encoding
 * then overlap with page encoding, compression and disk writes, and partitions are written in
 * parallel when there are several writers. Each partition is written by one thread, in input order,
 * so the files are the same whatever the number of threads.
 */
final class WritePass {

  static final int MAX_OPEN_FILES = 8;
  static final int PROGRESS_EVERY = 10_000;

  /**
   * Rows per batch handed to writer threads: enough to amortize the hand-over, small enough to move
   * between cores through their caches (1,024 with 48 in flight measured faster than 4,096 with 12,
   * the same memory).
   */
  static final int BATCH_ROWS = 1024;

  /**
   * Rows per batch when one thread both encodes and writes: a batch small enough to still be in the
   * processor's cache when it is written (about 5% faster on the bench than 4,096).
   */
  static final int INLINE_BATCH_ROWS = 512;

  private final RowEncoder encoder;
  private final RecordColumns resolved;
  private final ParquetSpec parquet;
  private final boolean threaded;
  private final int writerThreads;
  private final String threadName;

  /**
   * @param index maps the records' fields to the batch columns that {@code columns} take values
   *     from
   */
  WritePass(
      WrittenColumns columns,
      FieldIndex index,
      ParquetSpec parquet,
      DumpThreads threads,
      String threadName) {
    this.encoder = new RowEncoder(columns, parquet.timestampEncoding());
    this.resolved = new RecordColumns(index);
    this.parquet = parquet;
    this.threaded = threads.total() > 1;
    this.writerThreads = threads.writers();
    this.threadName = threadName;
  }

  /**
   * Writes the records, at most {@value #MAX_OPEN_FILES} partitions per pass over the input: a
   * batch spanning more partitions than that is read again for the next group, so that each
   * partition still gets one file (or several of the target size), never a file per run of
   * interleaved records.
   *
   * @param rowsSoFar told the rows written every {@value #PROGRESS_EVERY} records
   * @param speculative when the columns were inferred from the first records only: checks the
   *     others during the first pass over the input; null when the columns are final
   * @return the files written, by partition then sequence
   * @throws SpeculativeSchema.SchemaChanged when a record changes speculative columns
   */
  List<PartFile> run(
      RecordScan scan,
      BatchLayout layout,
      PartitionDates partitions,
      LongConsumer rowsSoFar,
      SpeculativeSchema speculative)
      throws IOException {
    Set<String> written = new HashSet<>();
    List<PartFile> files = new ArrayList<>();
    long[] rows = {0};
    SpeculativeSchema checking = speculative;
    boolean moreGroups = true;
    while (moreGroups) {
      PartitionGroup group = new PartitionGroup(MAX_OPEN_FILES, written);
      files.addAll(writeGroup(scan, layout, partitions, group, checking, rowsSoFar, rows));
      written.addAll(group.partitions());
      moreGroups = group.deferred();
      checking = null; // the first pass saw every record: the columns are final
    }
    files.sort(Comparator.comparing(PartFile::partitionValue).thenComparingInt(PartFile::sequence));
    return files;
  }

  /** One pass over the input, writing the rows of one group of partitions. */
  private List<PartFile> writeGroup(
      RecordScan scan,
      BatchLayout layout,
      PartitionDates partitions,
      PartitionGroup group,
      SpeculativeSchema checking,
      LongConsumer rowsSoFar,
      long[] rows)
      throws IOException {
    CompressionCodecName codec = codecOf(parquet.compression());
    List<PartitionWriters> writers = new ArrayList<>();
    List<PageScratch> scratches = new ArrayList<>();
    List<BatchHandOff.BatchWriter> batchWriters = new ArrayList<>();
    for (int w = 0; w < writerThreads; w++) {
      // A writer thread's files share its page buffers and compressor.
      PageScratch scratch = new PageScratch(codec);
      PartitionWriters.FileOpener opener =
          path -> new FlatParquetFile(path, encoder.schema(), parquet.rowGroupBytes(), scratch);
      PartitionWriters own =
          new PartitionWriters(layout, opener, parquet.targetFileBytes(), MAX_OPEN_FILES);
      scratches.add(scratch);
      writers.add(own);
      batchWriters.add(new TaggedRows(w, writerThreads, group, own));
    }
    try (BatchHandOff handOff =
        new BatchHandOff(
            encoder.schema(),
            threaded ? BATCH_ROWS : INLINE_BATCH_ROWS,
            batchWriters,
            threaded,
            threadName)) {
      RowBatch[] batch = {handOff.next()};
      scan.forEach(
          record -> {
            resolved.resolve(record);
            String partition = partitions.of(record, resolved);
            if (checking != null) {
              checking.check(record, resolved);
            }
            int tag = group.tagOf(partition);
            if (tag == PartitionGroup.NOT_THIS_PASS) {
              return;
            }
            int row = batch[0].addRow(tag);
            try {
              encoder.encode(record, resolved, batch[0], row);
            } catch (RuntimeException e) {
              batch[0].dropLastRow();
              throw e;
            }
            if (batch[0].isFull()) {
              handOff.send(batch[0]);
              batch[0] = handOff.next();
            }
            if (++rows[0] % PROGRESS_EVERY == 0) {
              rowsSoFar.accept(rows[0]);
            }
          });
      handOff.send(batch[0]);
      handOff.finish();
      List<PartFile> files = new ArrayList<>();
      for (PartitionWriters own : writers) {
        files.addAll(own.finishAll());
      }
      return files;
    } finally {
      writers.forEach(PartitionWriters::close);
      scratches.forEach(PageScratch::release);
    }
  }

  /** One writer thread's share of each batch: the rows of the partitions whose tags it owns. */
  private record TaggedRows(int writer, int writers, PartitionGroup group, PartitionWriters files)
      implements BatchHandOff.BatchWriter {

    @Override
    public void write(RowBatch batch) throws IOException {
      for (int row = 0; row < batch.rows(); row++) {
        int tag = batch.tag(row);
        if (tag % writers == writer) {
          files.write(group.partition(tag), batch, row);
        }
      }
    }
  }

  private static CompressionCodecName codecOf(Compression compression) {
    return switch (compression) {
      case SNAPPY -> CompressionCodecName.SNAPPY;
      case GZIP -> CompressionCodecName.GZIP;
      case ZSTD -> CompressionCodecName.ZSTD;
      case UNCOMPRESSED -> CompressionCodecName.UNCOMPRESSED;
    };
  }

  /** Values of fields that have no column (left out by a given schema). */
  long ignoredValues() {
    return resolved.ignoredValues();
  }
}
