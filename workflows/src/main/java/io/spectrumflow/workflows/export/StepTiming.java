package io.spectrumflow.workflows.export;

/**
 * How long one step of a run took, from scheduling its first attempt to its completion.
 *
 * @param step the step's name
 * @param millis its duration
 * @param startedAt when it started, epoch milliseconds by the workflow's clock (Temporal's: one
 *     clock for all runs); 0 in results of runs recorded before it was kept
 */
public record StepTiming(String step, long millis, long startedAt) {

  public StepTiming(String step, long millis) {
    this(step, millis, 0);
  }
}
