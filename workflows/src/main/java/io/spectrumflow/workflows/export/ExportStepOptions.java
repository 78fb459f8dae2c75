package io.spectrumflow.workflows.export;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retries of each step. Failures listed in {@link ExportFailures} are never retried.
 */
final class ExportStepOptions {

  /**
   * How long an upload may wait for the worker that holds its files. Past this the worker is taken
   * for gone and the dump is redone elsewhere.
   */
  static final Duration HOST_PICKUP_TIMEOUT = Duration.ofMinutes(2);

  /** How many times the dump+upload pair is tried when the worker with the files disappears. */
  static final int PAIR_ATTEMPTS = 3;

  private ExportStepOptions() {}

  static ActivityOptions dump() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(2))
        .setHeartbeatTimeout(Duration.ofMinutes(2))
        .setRetryOptions(retries(5, Duration.ofMinutes(1)))
        .build();
  }

  static ActivityOptions upload(String hostTaskQueue) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(hostTaskQueue)
        .setScheduleToStartTimeout(HOST_PICKUP_TIMEOUT)
        .setStartToCloseTimeout(Duration.ofHours(1))
        .setHeartbeatTimeout(Duration.ofMinutes(1))
        .setRetryOptions(retries(5, Duration.ofMinutes(1)))
        .build();
  }

  static ActivityOptions catalog() {
    // Glue throttles bursts of catalog calls: more attempts, longer backoff.
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(retries(10, Duration.ofMinutes(2)))
        .build();
  }

  static ActivityOptions crawl() {
    // A crawl takes minutes; the activity polls it and heartbeats while it runs.
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(2))
        .setHeartbeatTimeout(Duration.ofMinutes(2))
        .setRetryOptions(retries(5, Duration.ofMinutes(2)))
        .build();
  }

  static ActivityOptions alert() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofSeconds(30))
        .setRetryOptions(retries(5, Duration.ofSeconds(30)))
        .build();
  }

  static ActivityOptions redshift() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(Duration.ofMinutes(1))
        .setRetryOptions(retries(5, Duration.ofMinutes(1)))
        .build();
  }

  private static RetryOptions retries(int attempts, Duration maxInterval) {
    return RetryOptions.newBuilder()
        .setInitialInterval(Duration.ofSeconds(1))
        .setBackoffCoefficient(2.0)
        .setMaximumInterval(maxInterval)
        .setMaximumAttempts(attempts)
        .setDoNotRetry(ExportFailures.all())
        .build();
  }
}
