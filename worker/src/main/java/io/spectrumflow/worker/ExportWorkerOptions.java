package io.spectrumflow.worker;

import com.uber.m3.tally.Scope;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.interceptors.WorkerInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * What a worker process adds to the plain {@link ExportWorker}: where the SDK reports metrics, what
 * intercepts activities and AWS calls, and how long an upload waits for its host.
 *
 * @param metricsScope where the Temporal SDK reports its metrics, or null for nowhere
 * @param workerInterceptors run around every workflow and activity this worker executes
 * @param awsInterceptors run on every AWS call the activities make
 * @param hostPickupTimeout how long an upload may wait for the worker that dumped its files before
 *     the dump is redone elsewhere, or null for the workflow's own default
 * @param stickyQueueScheduleToStartTimeout how long a workflow task waits on this worker's sticky
 *     queue before the server gives it to any worker; zero turns sticky execution off (each task
 *     replays the history); null for the SDK's default (5 s)
 * @param activityOptions per activity type, options that override the workflow's (timeouts,
 *     retries); empty for none
 */
public record ExportWorkerOptions(
    Scope metricsScope,
    List<WorkerInterceptor> workerInterceptors,
    List<ExecutionInterceptor> awsInterceptors,
    Duration hostPickupTimeout,
    Duration stickyQueueScheduleToStartTimeout,
    Map<String, ActivityOptions> activityOptions) {

  /** Nothing added: no metrics, no interceptors, the workflow's and the SDK's own timeouts. */
  public static final ExportWorkerOptions DEFAULTS =
      new ExportWorkerOptions(null, List.of(), List.of(), null, null, Map.of());

  public ExportWorkerOptions {
    workerInterceptors = List.copyOf(workerInterceptors);
    awsInterceptors = List.copyOf(awsInterceptors);
    activityOptions = activityOptions == null ? Map.of() : Map.copyOf(activityOptions);
  }

  public ExportWorkerOptions(
      Scope metricsScope,
      List<WorkerInterceptor> workerInterceptors,
      List<ExecutionInterceptor> awsInterceptors,
      Duration hostPickupTimeout,
      Duration stickyQueueScheduleToStartTimeout) {
    this(
        metricsScope,
        workerInterceptors,
        awsInterceptors,
        hostPickupTimeout,
        stickyQueueScheduleToStartTimeout,
        Map.of());
  }

  public ExportWorkerOptions withActivityOptions(Map<String, ActivityOptions> options) {
    return new ExportWorkerOptions(
        metricsScope,
        workerInterceptors,
        awsInterceptors,
        hostPickupTimeout,
        stickyQueueScheduleToStartTimeout,
        options);
  }

  public ExportWorkerOptions withMetricsScope(Scope scope) {
    return new ExportWorkerOptions(
        scope,
        workerInterceptors,
        awsInterceptors,
        hostPickupTimeout,
        stickyQueueScheduleToStartTimeout,
        activityOptions);
  }

  public ExportWorkerOptions withWorkerInterceptors(List<WorkerInterceptor> interceptors) {
    return new ExportWorkerOptions(
        metricsScope,
        interceptors,
        awsInterceptors,
        hostPickupTimeout,
        stickyQueueScheduleToStartTimeout,
        activityOptions);
  }

  public ExportWorkerOptions withAwsInterceptors(List<ExecutionInterceptor> interceptors) {
    return new ExportWorkerOptions(
        metricsScope,
        workerInterceptors,
        interceptors,
        hostPickupTimeout,
        stickyQueueScheduleToStartTimeout,
        activityOptions);
  }

  public ExportWorkerOptions withHostPickupTimeout(Duration timeout) {
    return new ExportWorkerOptions(
        metricsScope,
        workerInterceptors,
        awsInterceptors,
        timeout,
        stickyQueueScheduleToStartTimeout,
        activityOptions);
  }

  public ExportWorkerOptions withStickyQueueScheduleToStartTimeout(Duration timeout) {
    return new ExportWorkerOptions(
        metricsScope,
        workerInterceptors,
        awsInterceptors,
        hostPickupTimeout,
        timeout,
        activityOptions);
  }
}
