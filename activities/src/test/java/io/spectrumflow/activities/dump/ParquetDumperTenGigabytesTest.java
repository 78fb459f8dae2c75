package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH;
import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH_TIME;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays bounded whatever the input: a 10 GB NDJSON file (the bench's shape over 7 days, so 7
 * files open at once, the shipped 16 MB row groups) is dumped in a JVM whose heap is 256 MB, and
 * the heap the dump keeps does not grow with the rows read: measured after a full collection at
 * every hundredth of the rows, its peak over the last 80% is no higher than over the first 20%
 * (which holds more than one full row group of every open file).
 *
 * <p>In the {@code slow} profile only ({@code mvn -B -Pslow -pl activities -am verify}), which runs
 * the tests with {@code -Xmx256m}. The input is written once, straight to disk (never held in
 * memory), and deleted with the output afterwards; {@code -Dspectrumflow.slow.inputBytes=...}
 * changes its size.
 */
@Tag("slow")
class ParquetDumperTenGigabytesTest {

  private static final long TEN_GB = 10L << 30;
  private static final long MAX_HEAP = 256L << 20;
  private static final int SAMPLES = 100;

  /** The shipped configuration's defaults: 128 MB files, 16 MB row groups. */
  private static final ParquetSpec SHIPPED =
      new ParquetSpec(Compression.SNAPPY, 128L << 20, 16L << 20, TimestampEncoding.INT64_MICROS);

  @TempDir Path dir;

  @Test
  void dumpsTenGigabytesInA256MegabyteHeap() throws Exception {
    assertThat(Runtime.getRuntime().maxMemory())
        .as("run with the slow profile, which sets -Xmx256m")
        .isLessThanOrEqualTo(MAX_HEAP);
    long inputBytes = Long.getLong("spectrumflow.slow.inputBytes", TEN_GB);
    Path input = dir.resolve("events.ndjson");
    long generating = System.nanoTime();
    long records = new GeneratedNdjson(20261124, 7).write(input, inputBytes);
    System.out.printf(
        "Generated %,d records, %,d bytes in %.1f s%n",
        records, Files.size(input), (System.nanoTime() - generating) / 1e9);

    LiveHeap live = new LiveHeap(records / SAMPLES);
    long started = System.nanoTime();
    DumpOutcome outcome =
        new ParquetDumper(pipeline(SourceFormat.NDJSON, "event_time", SHIPPED, List.of()))
            .dump(List.of(input), dir.resolve("out"), BATCH, BATCH_TIME, live::rowsSoFar);
    double seconds = (System.nanoTime() - started) / 1e9;
    Files.delete(input);

    int firstFifth = live.samples.size() / 5;
    long peakFirst = peak(live.samples.subList(0, firstFifth));
    long peakRest = peak(live.samples.subList(firstFifth, live.samples.size()));
    System.out.printf(
        "Dumped %,d rows into %d files (%,d bytes) in %.1f s (%.0f MB/s of input, %d full"
            + " collections included); heap max %d MB; live heap at %d points: peak %d MB over"
            + " the first fifth of the rows, %d MB over the rest%n",
        outcome.rows(),
        outcome.files().size(),
        outcome.bytes(),
        seconds,
        inputBytes / 1e6 / seconds,
        live.samples.size(),
        Runtime.getRuntime().maxMemory() >> 20,
        live.samples.size(),
        peakFirst >> 20,
        peakRest >> 20);

    assertThat(outcome.rows()).isEqualTo(records);
    assertThat(outcome.files().stream().map(PartFile::partitionValue).distinct()).hasSize(7);
    long rowsInFooters = 0;
    for (PartFile file : outcome.files()) {
      try (ParquetFileReader reader =
          ParquetFileReader.open(new LocalInputFile(Path.of(file.localPath())))) {
        rowsInFooters += reader.getRecordCount();
      }
    }
    assertThat(rowsInFooters).isEqualTo(records);
    assertThat(live.samples).hasSizeGreaterThan(SAMPLES / 2);
    assertThat(peakRest).isLessThanOrEqualTo(peakFirst + (16L << 20));
  }

  /**
   * The heap in use right after a full collection (what is still referenced), each time the dump
   * reports another {@code every} rows written; the collections run on the dump's reading thread,
   * from its progress callback.
   */
  private static final class LiveHeap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    final List<Long> samples = new ArrayList<>();
    private final long every;
    private long next;

    LiveHeap(long every) {
      this.every = Math.max(every, 1);
      this.next = this.every;
    }

    void rowsSoFar(long rows) {
      if (rows >= next) {
        System.gc();
        samples.add(MEMORY.getHeapMemoryUsage().getUsed());
        next = rows + every;
      }
    }
  }

  private static long peak(List<Long> samples) {
    return samples.stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
