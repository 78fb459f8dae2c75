package io.spectrumflow.local.bench;

import io.spectrumflow.activities.dump.DumpOutcome;
import io.spectrumflow.activities.dump.ParquetDumper;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Our dump of one input file, as the dump activity runs it. */
final class DumpCase {

  private static final Instant BATCH_TIME = Instant.parse("2026-11-25T00:00:00Z");

  private final PipelineSpec pipeline;
  private final Path input;
  private final int threads;

  DumpCase(PipelineSpec pipeline, Path input, int threads) {
    this.pipeline = pipeline;
    this.input = input;
    this.threads = threads;
  }

  /** Dumps into {@code outputDir}; returns the bytes written. */
  RunResult run(Path outputDir) throws IOException {
    DumpOutcome outcome =
        // TODO(perf): the dump takes no thread count yet; threads=%d is what the bench asked for
        new ParquetDumper(pipeline)
            .dump(List.of(input), outputDir, "bench", BATCH_TIME, List.of(), rows -> {});
    return new RunResult(outcome.rows(), outcome.bytes());
  }
}
