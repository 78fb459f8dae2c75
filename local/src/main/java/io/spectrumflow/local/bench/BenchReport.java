package io.spectrumflow.local.bench;

import java.util.List;

/**
 * Everything one benchmark run measured, as written to its JSON file so that runs can be compared.
 *
 * @param machine where and when it ran
 * @param rows rows in the generated input
 * @param seed the generator's seed
 * @param ndjsonBytes the NDJSON input's size
 * @param csvBytes the CSV input's size
 * @param runs timed runs per measurement
 * @param measurements the table's lines
 * @param ratios comparisons between lines
 * @param endToEnd the one-batch run on the embedded stack, or null when skipped
 * @param workflowOverhead the tiny-batches run, or null when skipped
 * @param workers the one-worker versus two-worker comparison, or null while it cannot run
 */
record BenchReport(
    MachineInfo machine,
    long rows,
    long seed,
    long ndjsonBytes,
    long csvBytes,
    int runs,
    List<Measurement> measurements,
    List<Ratio> ratios,
    EndToEnd endToEnd,
    WorkflowOverhead workflowOverhead,
    WorkerScaling workers) {

  /**
   * @param seconds each run's wall time, from starting the workflow to its result
   * @param steps the median run's steps: each one's time (from scheduling its first attempt to its
   *     completion, as the workflow records it) and its share of the run's wall time; {@code other}
   *     is what the steps do not cover (workflow tasks, scheduling between steps)
   */
  record EndToEnd(
      long rows,
      List<Double> seconds,
      double minSeconds,
      double medianSeconds,
      List<StepShare> steps) {}

  record StepShare(String step, double seconds, double share) {}

  /**
   * @param batches tiny batches run one after the other
   * @param rowsPerBatch rows in each
   * @param medianSeconds the median run's wall time, from start to result
   * @param minSeconds the fastest run
   */
  record WorkflowOverhead(int batches, int rowsPerBatch, double medianSeconds, double minSeconds) {}

  /**
   * @param oneWorkerSeconds one large batch with one worker process
   * @param twoWorkersSeconds the same batch with two worker processes
   * @param note how it was run, or why it was not
   */
  record WorkerScaling(Double oneWorkerSeconds, Double twoWorkersSeconds, String note) {}
}
