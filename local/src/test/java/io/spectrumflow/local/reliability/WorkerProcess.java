package io.spectrumflow.local.reliability;

import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.local.s3.LocalAws;
import io.spectrumflow.worker.ExportWorker;
import io.spectrumflow.worker.ExportWorkerOptions;
import io.spectrumflow.worker.WorkerSettings;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A worker in a JVM of its own, for tests that kill it with SIGKILL. Its activity timeouts are
 * seconds instead of minutes, so that the death of a worker is noticed quickly.
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
    ActivityOptions quick =
        ActivityOptions.newBuilder()
            .setHeartbeatTimeout(Duration.ofSeconds(3))
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(
                RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofMillis(200))
                    .setMaximumInterval(Duration.ofSeconds(1))
                    .build())
            .build();
    // the workflow retries uploads itself, one activity per attempt: only the timeouts change
    ActivityOptions quickUpload =
        ActivityOptions.newBuilder()
            .setHeartbeatTimeout(Duration.ofSeconds(3))
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .build();
    ActivityOptions quickWithoutHeartbeat =
        ActivityOptions.newBuilder(quick)
            .setHeartbeatTimeout(Duration.ZERO)
            .setStartToCloseTimeout(Duration.ofSeconds(6))
            .build();
    ExportWorker worker =
        new ExportWorker(
            new WorkerSettings(args[0], "default", aws, Path.of(args[3])),
            ExportWorkerOptions.DEFAULTS
                .withHostPickupTimeout(Duration.ofSeconds(3))
                .withStickyQueueScheduleToStartTimeout(Duration.ZERO)
                .withActivityOptions(
                    Map.of(
                        "DumpParquet", quick,
                        "UploadPartitions", quickUpload,
                        "RegisterPartitions", quickWithoutHeartbeat,
                        "ApplyExternalSchema", quick,
                        "CountRows", quick)));
    worker.start();
    System.out.println(READY);
    System.out.flush();
    Thread.currentThread().join();
  }
}
