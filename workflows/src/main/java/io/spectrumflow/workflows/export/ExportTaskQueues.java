package io.spectrumflow.workflows.export;

/** Task queue names shared by workers and starters. */
public final class ExportTaskQueues {

  /** The shared queue: workflows and every activity that may run on any worker. */
  public static final String EXPORT = "spectrumflow-export";

  private ExportTaskQueues() {}

  /**
   * The queue only one worker process polls, for activities that need its local files.
   *
   * @param workerIdentity unique per worker process, e.g. {@code host:pid:random}
   */
  public static String hostQueue(String workerIdentity) {
    return EXPORT + "@" + workerIdentity;
  }
}
