package io.spectrumflow.local.bench;

/**
 * One large batch exported with one worker process and with two, and the ratio of the times.
 *
 * <p>TODO(fan-out, issue 7 item 4): the hook for this measurement; it does not run yet. The export
 * workflow dumps and uploads a batch's input files on one worker, so a second worker process has
 * nothing to do and the ratio would be 1 by construction. Another engineer is changing the workflow
 * (module {@code workflows}) to fan a batch of many input files out to many workers. Once that is
 * in, {@link #measure} should: split the generated NDJSON into as many files as the fan-out takes;
 * start the embedded stack on fixed ports ({@code EmbeddedStack.start(dir, new Ports(...))})
 * without a worker in this process; start one, then two, worker processes ({@code ./spectrumflow
 * worker} with a configuration pointing at those ports, through {@link ProcessBuilder}, waiting for
 * each to poll); export the same batch with each setup ({@link EmbeddedExports#export} against the
 * stack); report both times and one worker's over two's.
 */
final class WorkerScalingCase {

  static final String NOT_YET =
      "not measured yet: the workflow exports a batch on one worker; waiting for the fan-out of a"
          + " batch's input files to many workers (TODO in WorkerScalingCase)";

  private WorkerScalingCase() {}

  /** The comparison, or why it was not run. */
  static BenchReport.WorkerScaling measure() {
    return new BenchReport.WorkerScaling(null, null, NOT_YET);
  }
}
