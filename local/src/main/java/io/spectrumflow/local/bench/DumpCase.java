package io.spectrumflow.local.bench;

import io.spectrumflow.activities.dump.DumpOutcome;
import io.spectrumflow.activities.dump.DumpThreads;
import io.spectrumflow.activities.dump.ParquetDumper;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Our dump of one input file, as the dump activity runs it, with a given number of threads. */
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
        new ParquetDumper(pipeline, new DumpThreads(threads))
            .dump(List.of(input), outputDir, "bench", BATCH_TIME, List.of(), rows -> {});
    return new RunResult(outcome.rows(), outcome.bytes());
  }
}
