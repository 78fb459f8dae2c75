package io.spectrumflow.local.reliability;

import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.local.s3.LocalAws;
import io.spectrumflow.worker.ExportWorker;
import io.spectrumflow.worker.ExportWorkerOptions;
import io.spectrumflow.worker.WorkerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A worker in a JVM of its own, for tests that kill it with SIGKILL. It runs with the timeouts the
 * workflow gives its activities, so a test sees how long a deployed worker's death stalls a run.
 *
 * <p>Arguments: temporal target, S3 endpoint, AWS stand-in endpoint, work directory.
 */
public final class WorkerProcess {

  /** What the parent test waits for on standard output before it starts runs. */
  static final String READY = "WORKER READY";

  private WorkerProcess() {}

  public static void main(String[] args) throws Exception {
    LocalAws.useLocalCredentials();
    URI standIn = URI.create(args[2]);
    AwsSettings aws =
        new AwsSettings(LocalAws.REGION, URI.create(args[1]), standIn, standIn, standIn, true, 5);
    // The workflow's own activity options, as deployed: the test shows how fast they recover.
    // Sticky execution is off only because the Temporal test server never moves a workflow task
    // off a dead worker's sticky queue (a real server does after 5 s).
    ExportWorker worker =
        new ExportWorker(
            new WorkerSettings(args[0], "default", aws, Path.of(args[3])),
            ExportWorkerOptions.DEFAULTS.withStickyQueueScheduleToStartTimeout(Duration.ZERO));
    worker.start();
    System.out.println(READY);
    System.out.flush();
    Thread.currentThread().join();
  }
}
