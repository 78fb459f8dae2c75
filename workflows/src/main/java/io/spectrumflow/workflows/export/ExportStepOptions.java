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
   * for gone and the dump is redone elsewhere: under a minute, like the recovery from a worker
   * killed in any other step.
   */
  static final Duration HOST_PICKUP_TIMEOUT = Duration.ofSeconds(45);

  /** A batch staged as more inputs than this is dumped in this many chunks, not one per input. */
  static final int MAX_CHUNKS = 32;

  /** How many times the dump+upload pair is tried when the worker with the files disappears. */
  static final int PAIR_ATTEMPTS = 3;

  /**
   * Every activity that may run longer than a few seconds heartbeats, at the latest every third of
   * this: a worker killed in any step is noticed this long after its last heartbeat, and the step
   * is retried elsewhere, instead of after the step's start-to-close timeout.
   */
  static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(20);

  private ExportStepOptions() {}

  static ActivityOptions dump() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(2))
        .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
        .setRetryOptions(retries(5, Duration.ofMinutes(1)))
        .build();
  }

  /** How many times the upload is tried on the host that has the files. */
  static final int UPLOAD_ATTEMPTS = 5;

  /**
   * One attempt each: the workflow retries the upload itself, as a new activity, because a retry of
   * the same activity would not wait for its host again with a pickup timeout of its own.
   */
  static ActivityOptions upload(String hostTaskQueue) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(hostTaskQueue)
        .setScheduleToStartTimeout(HOST_PICKUP_TIMEOUT)
        .setStartToCloseTimeout(Duration.ofHours(1))
        .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
        .build();
  }

  /** The pause before upload attempt {@code attempt + 1}: 1 s, 2 s, 4 s, ... at most a minute. */
  static Duration uploadBackoff(int attempt) {
    return Duration.ofSeconds(Math.min(60, 1L << (attempt - 1)));
  }

  static ActivityOptions catalog() {
    // Glue throttles bursts of catalog calls: more attempts, longer backoff.
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
        .setRetryOptions(retries(10, Duration.ofMinutes(2)))
        .build();
  }

  /** S3 housekeeping: deleting a batch's objects or a replaced version's, page by page. */
  static ActivityOptions storage() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
        .setRetryOptions(retries(10, Duration.ofMinutes(2)))
        .build();
  }

  static ActivityOptions crawl() {
    // A crawl takes minutes; the activity polls it and heartbeats while it runs.
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(2))
        .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
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
        .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
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
