package io.spectrumflow.workflows.export;

import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The workflow's record of where it is: the current step, counters, and finished steps' times. */
final class RunProgress {

  private String step = "starting";
  private long rows;
  private int files;
  private long bytes;
  private final List<StepTiming> timings = new ArrayList<>();

  /** Runs one step, recording it as current while it runs and its duration when it ends. */
  <T> T step(String name, Supplier<T> body) {
    step = name;
    long started = Workflow.currentTimeMillis();
    T result = body.get();
    timings.add(new StepTiming(name, Workflow.currentTimeMillis() - started, started));
    return result;
  }

  void written(long rows, int files, long bytes) {
    this.rows = rows;
    this.files = files;
    this.bytes = bytes;
  }

  /** The step running now, or the last one that ran. */
  String current() {
    return step;
  }

  void finish(String finalStep) {
    step = finalStep;
  }

  List<StepTiming> timings() {
    return List.copyOf(timings);
  }

  ExportProgress snapshot() {
    return new ExportProgress(step, rows, files, bytes, List.copyOf(timings));
  }
}
