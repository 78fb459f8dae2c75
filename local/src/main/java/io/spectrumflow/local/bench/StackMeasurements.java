package io.spectrumflow.local.bench;

import io.spectrumflow.workflows.export.StepTiming;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the issue asks of the embedded stack: one batch of the generated rows end to end (each
 * step's share of the run), and the workflow's own overhead, from the median of many tiny batches.
 */
final class StackMeasurements {

  private final EmbeddedExports exports;
  private final Consumer<String> progress;

  StackMeasurements(EmbeddedExports exports, Consumer<String> progress) {
    this.exports = exports;
    this.progress = progress;
  }

  /** The same input exported {@code runs} times (each a new batch id); steps of the median run. */
  BenchReport.EndToEnd oneLargeBatch(PipelineSpec pipeline, Path input, long rows, int runs)
      throws Exception {
    String staged = exports.stage(pipeline, input.getFileName().toString(), input);
    List<EmbeddedExports.Run> done = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      EmbeddedExports.Run run = exports.export(pipeline, "bench-e2e-" + r, List.of(staged));
      if (run.result().rowsVerified() != rows) {
        throw new IllegalStateException(
            "end-to-end run verified " + run.result().rowsVerified() + " rows, not " + rows);
      }
      progress.accept(String.format("end to end %d/%d: %.2f s", r, runs, run.seconds()));
      done.add(run);
    }
    List<EmbeddedExports.Run> sorted =
        done.stream().sorted(Comparator.comparingDouble(EmbeddedExports.Run::seconds)).toList();
    EmbeddedExports.Run median = sorted.get(sorted.size() / 2);
    List<BenchReport.StepShare> steps = new ArrayList<>();
    double stepsTotal = 0;
    for (StepTiming step : median.result().steps()) {
      double seconds = step.millis() / 1000.0;
      stepsTotal += seconds;
      steps.add(new BenchReport.StepShare(step.step(), seconds, seconds / median.seconds()));
    }
    double other = Math.max(0, median.seconds() - stepsTotal);
    steps.add(new BenchReport.StepShare("other", other, other / median.seconds()));
    return new BenchReport.EndToEnd(
        rows,
        done.stream().map(EmbeddedExports.Run::seconds).toList(),
        sorted.get(0).seconds(),
        median.seconds(),
        steps);
  }

  /** {@code batches} batches of {@code rowsPerBatch} rows, one after the other. */
  BenchReport.WorkflowOverhead tinyBatches(
      PipelineSpec pipeline, Path dir, long seed, int batches, int rowsPerBatch) throws Exception {
    Path tiny = writeTiny(dir, seed, rowsPerBatch);
    String staged = exports.stage(pipeline, tiny.getFileName().toString(), tiny);
    exports.export(pipeline, "bench-tiny-warm-up", List.of(staged));
    Timing timing = Timing.empty();
    for (int i = 1; i <= batches; i++) {
      EmbeddedExports.Run run = exports.export(pipeline, "bench-tiny-" + i, List.of(staged));
      timing.add(run.seconds(), 0, 0);
      if (i % 20 == 0) {
        progress.accept(String.format("tiny batches: %d/%d", i, batches));
      }
    }
    return new BenchReport.WorkflowOverhead(batches, rowsPerBatch, timing.median(), timing.min());
  }

  private static Path writeTiny(Path dir, long seed, int rows) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve("tiny-" + rows + ".ndjson");
    SampleEvents events = new SampleEvents(seed);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < rows; i++) {
        BenchInputs.writeJson(out, events.next());
      }
    }
    return file;
  }
}
