package io.spectrumflow.starter.dashboard;

import io.spectrumflow.starter.runs.RunView;
import io.spectrumflow.workflows.export.ExportProgress;
import io.spectrumflow.workflows.export.StepTiming;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's steps in order with their durations: recorded ones from the result (completed) or the
 * progress query (running, failed), and for the running or failed step the time the run spent
 * beyond the recorded steps.
 */
final class StepTimeline {

  /** The step a failed run's rollback is recorded as; the failed step came just before it. */
  private static final String ROLLBACK = "rollback";

  private StepTimeline() {}

  /**
   * @param closedProgress the progress query's answer for a run that ended without a result, or
   *     null when there is none
   * @param failedStep the step named by the failure message, or null
   */
  static List<TimelineStep> of(
      RunView run, ExportProgress closedProgress, String failedStep, Instant now) {
    if (run.result() != null) {
      return done(run.result().steps());
    }
    if (run.progress() != null) {
      List<TimelineStep> steps = new ArrayList<>(done(run.progress().steps()));
      steps.add(
          new TimelineStep(
              run.progress().step(),
              beyond(run.startTime(), now, run.progress().steps()),
              TimelineStep.State.RUNNING,
              true));
      return steps;
    }
    List<StepTiming> recorded = closedProgress == null ? List.of() : closedProgress.steps();
    List<TimelineStep> steps = new ArrayList<>(done(recorded));
    if (failedStep != null) {
      Instant closed = run.closeTime() == null ? now : Instant.parse(run.closeTime());
      TimelineStep failed =
          new TimelineStep(
              failedStep,
              beyond(run.startTime(), closed, recorded),
              TimelineStep.State.FAILED,
              true);
      int rollback = indexOf(steps, ROLLBACK);
      steps.add(rollback < 0 ? steps.size() : rollback, failed);
    }
    return steps;
  }

  private static List<TimelineStep> done(List<StepTiming> timings) {
    return timings == null
        ? List.of()
        : timings.stream()
            .map(t -> new TimelineStep(t.step(), t.millis(), TimelineStep.State.DONE, false))
            .toList();
  }

  /** The run's time between start and end not covered by the recorded steps. */
  private static long beyond(String start, Instant end, List<StepTiming> recorded) {
    if (start == null) {
      return 0;
    }
    long total = end.toEpochMilli() - Instant.parse(start).toEpochMilli();
    long covered = recorded == null ? 0 : recorded.stream().mapToLong(StepTiming::millis).sum();
    return Math.max(0, total - covered);
  }

  private static int indexOf(List<TimelineStep> steps, String name) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
