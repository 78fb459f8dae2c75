package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH;
import static io.spectrumflow.activities.dump.DumpTestSupport.BATCH_TIME;
import static io.spectrumflow.activities.dump.DumpTestSupport.pipeline;
import static io.spectrumflow.activities.dump.DumpTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writer threads change how fast files are written, never what they hold. */
class ParquetDumperThreadsTest {

  @TempDir Path dir;

  private DumpOutcome dump(PipelineSpec pipeline, int threads, String out, Path input)
      throws Exception {
    return new ParquetDumper(pipeline, new DumpThreads(threads))
        .dump(List.of(input), dir.resolve(out), BATCH, BATCH_TIME, rows -> {});
  }

  @Test
  void theFilesAreTheSameForAnyNumberOfThreads() throws Exception {
    // 12 dates interleaved (two groups of open files), files rolled at a small target size,
    // more rows than one batch hands over, a few more than the speculation's first records.
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < 24_000; i++) {
      ndjson
          .append("{\"id\": ")
          .append(i)
          .append(", \"ts\": \"")
          .append(LocalDate.of(2026, 1, 1).plusDays(i % 12))
          .append("T08:00:00Z\", \"text\": \"row ")
          .append(i * 7919L % 10_007)
          .append("\"}\n");
    }
    Path input = write(dir, "in.ndjson", ndjson.toString());
    ParquetSpec small =
        new ParquetSpec(Compression.SNAPPY, 20_000, 10_000, TimestampEncoding.INT64_MICROS);
    PipelineSpec byTs = pipeline(SourceFormat.JSON, "ts", small, List.of());

    DumpOutcome one = dump(byTs, 1, "t1", input);
    assertThat(one.files()).hasSizeGreaterThan(12);
    for (int threads : new int[] {2, 3, 5, 9}) {
      DumpOutcome many = dump(byTs, threads, "t" + threads, input);
      assertThat(many.files()).as("%d threads", threads).hasSameSizeAs(one.files());
      for (int f = 0; f < one.files().size(); f++) {
        Path a = Path.of(one.files().get(f).localPath());
        Path b = Path.of(many.files().get(f).localPath());
        assertThat(dir.resolve("t1").relativize(a))
            .isEqualTo(dir.resolve("t" + threads).relativize(b));
        assertThat(Files.mismatch(a, b)).as("%s, %d threads", a, threads).isEqualTo(-1L);
      }
    }
  }

  @Test
  void aWriterThreadsFailureFailsTheDumpAndLeavesNoFile() throws Exception {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      String day = i % 2 == 0 ? "2026-01-01" : "2026-01-02";
      ndjson.append("{\"ts\": \"").append(day).append("T00:00:00Z\", \"n\": ").append(i);
      ndjson.append("}\n");
    }
    Path input = write(dir, "in.ndjson", ndjson.toString());
    for (int threads : new int[] {1, 2, 3}) {
      Path out = Files.createDirectories(dir.resolve("out-" + threads));
      // A file where the second partition's folder must go: creating the folder fails.
      Files.writeString(out.resolve("2026-01-02"), "in the way");

      assertThatThrownBy(
              () -> dump(pipeline(SourceFormat.JSON, "ts"), threads, out.toString(), input))
          .as("%d threads", threads)
          .isInstanceOf(FileAlreadyExistsException.class);
      try (Stream<Path> files = Files.walk(out)) {
        assertThat(files.filter(f -> f.toString().endsWith(".parquet"))).isEmpty();
      }
    }
  }
}
