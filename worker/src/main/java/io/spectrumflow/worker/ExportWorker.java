package io.spectrumflow.worker;

import io.spectrumflow.activities.alerts.AlertActivitiesImpl;
import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.dump.DumpActivitiesImpl;
import io.spectrumflow.activities.glue.CatalogActivitiesImpl;
import io.spectrumflow.activities.preflight.PreflightActivitiesImpl;
import io.spectrumflow.activities.redshift.RedshiftActivitiesImpl;
import io.spectrumflow.activities.s3.StagingActivitiesImpl;
import io.spectrumflow.activities.s3.StorageActivitiesImpl;
import io.spectrumflow.activities.s3.UploadActivitiesImpl;
import io.spectrumflow.workflows.export.ExportDataConverter;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.export.ExportWorkflowImpl;
import io.spectrumflow.workflows.export.UnreadableRequestException;
import io.spectrumflow.workflows.preflight.PreflightWorkflowImpl;
import io.spectrumflow.workflows.schedule.ScheduledExportWorkflowImpl;
import io.spectrumflow.workflows.slots.RunSlotsActivitiesImpl;
import io.spectrumflow.workflows.slots.RunSlotsWorkflowImpl;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * One worker process: the export workflow and the activities that may run anywhere on the shared
 * task queue, and the upload on this process's own host queue, where its dumped files are.
 */
public final class ExportWorker implements AutoCloseable {

  /**
   * The activity type Temporal names {@code UploadActivities#uploadPartitions} by; per-type
   * activity options are keyed by it.
   */
  public static final String UPLOAD_ACTIVITY_TYPE = "UploadPartitions";

  private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);
  private static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

  private final WorkflowServiceStubs service;
  private final WorkerFactory factory;
  private final AwsClients aws;
  private final String hostQueue;
  private final WorkerSettings settings;

  public ExportWorker(WorkerSettings settings) {
    this(settings, ExportWorkerOptions.DEFAULTS);
  }

  /**
   * A worker whose AWS clients also run the given interceptors (a test seam: recording the calls
   * made, injecting faults).
   */
  public ExportWorker(WorkerSettings settings, List<ExecutionInterceptor> interceptors) {
    this(settings, ExportWorkerOptions.DEFAULTS.withAwsInterceptors(interceptors));
  }

  /** A worker with metrics, interceptors and its host pickup timeout as the options say. */
  public ExportWorker(WorkerSettings settings, ExportWorkerOptions options) {
    this.settings = settings;
    String identity = WorkerIdentity.create();
    this.hostQueue = ExportTaskQueues.hostQueue(identity);
    WorkflowServiceStubsOptions.Builder stubs =
        WorkflowServiceStubsOptions.newBuilder().setTarget(settings.temporalTarget());
    if (options.metricsScope() != null) {
      stubs.setMetricsScope(options.metricsScope());
    }
    this.service = WorkflowServiceStubs.newServiceStubs(stubs.build());
    WorkflowClient client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(settings.namespace())
                .setIdentity(identity)
                // reads requests from other services' clients; writes as the default converter
                .setDataConverter(ExportDataConverter.INSTANCE)
                .build());
    List<WorkerInterceptor> interceptors = new ArrayList<>(options.workerInterceptors());
    interceptors.add(new FinishOnShutdownInterceptor());
    this.factory =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(interceptors.toArray(WorkerInterceptor[]::new))
                .build());
    this.aws = new AwsClients(settings.aws(), options.awsInterceptors());

    Worker shared = factory.newWorker(ExportTaskQueues.EXPORT, workerOptions(options));
    shared.registerWorkflowImplementationTypes(
        workflowOptions(options),
        ExportWorkflowImpl.class,
        PreflightWorkflowImpl.class,
        ScheduledExportWorkflowImpl.class,
        RunSlotsWorkflowImpl.class);
    shared.registerActivitiesImplementations(
        new DumpActivitiesImpl(aws.s3(), aws.glue(), settings.workDir(), hostQueue),
        new CatalogActivitiesImpl(aws.glue()),
        new StorageActivitiesImpl(aws.s3()),
        new PreflightActivitiesImpl(aws),
        new StagingActivitiesImpl(aws.s3(), aws.s3Transfers()),
        new AlertActivitiesImpl(),
        new RunSlotsActivitiesImpl(),
        new RedshiftActivitiesImpl(aws.redshiftData(), aws.redshift()));
    Worker host = factory.newWorker(hostQueue, workerOptions(options));
    host.registerActivitiesImplementations(new UploadActivitiesImpl(aws.s3(), aws.s3Transfers()));
  }

  private static WorkerOptions workerOptions(ExportWorkerOptions options) {
    WorkerOptions.Builder worker = WorkerOptions.newBuilder();
    if (options.stickyQueueScheduleToStartTimeout() != null) {
      worker.setStickyQueueScheduleToStartTimeout(options.stickyQueueScheduleToStartTimeout());
    }
    return worker.build();
  }

  /**
   * The upload's schedule-to-start timeout is how long a dump's host may be gone before the pair is
   * redone elsewhere; options given here override the workflow's own per activity type.
   */
  private static WorkflowImplementationOptions workflowOptions(ExportWorkerOptions options) {
    Map<String, ActivityOptions> perType = new HashMap<>(options.activityOptions());
    if (options.hostPickupTimeout() != null) {
      ActivityOptions pickup =
          ActivityOptions.newBuilder()
              .setScheduleToStartTimeout(options.hostPickupTimeout())
              .build();
      perType.merge(
          UPLOAD_ACTIVITY_TYPE,
          pickup,
          (given, timeout) ->
              ActivityOptions.newBuilder(given).mergeActivityOptions(timeout).build());
    }
    WorkflowImplementationOptions.Builder workflow =
        WorkflowImplementationOptions.newBuilder()
            // a request that cannot be read fails its run instead of retrying the task for ever
            .setFailWorkflowExceptionTypes(UnreadableRequestException.class);
    return perType.isEmpty() ? workflow.build() : workflow.setActivityOptions(perType).build();
  }

  /** Starts polling. */
  public void start() {
    factory.start();
    log.info(
        "worker polling {} and {} at {} (namespace {})",
        ExportTaskQueues.EXPORT,
        hostQueue,
        settings.temporalTarget(),
        settings.namespace());
  }

  public String hostQueue() {
    return hostQueue;
  }

  /** The connection to Temporal this worker polls through. */
  public WorkflowServiceStubs service() {
    return service;
  }

  /** The AWS clients its activities use. */
  public AwsClients aws() {
    return aws;
  }

  /**
   * Stops polling at once, lets the tasks already running finish for up to {@code grace}, then
   * interrupts what is left; then closes the connections.
   *
   * @return whether every running task finished within the grace period
   */
  public boolean stop(Duration grace) {
    log.info(
        "worker stopping: polling stopped; running tasks have up to {} ms to finish",
        grace.toMillis());
    long started = System.nanoTime();
    factory.shutdown();
    factory.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
    boolean graceful = factory.isTerminated();
    if (graceful) {
      log.info(
          "worker stopped after {} ms: every running task finished",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    } else {
      // An interrupted activity is retried by Temporal after its timeout, here or elsewhere.
      log.warn(
          "worker grace period of {} ms is over: interrupting the tasks still running",
          grace.toMillis());
      factory.shutdownNow();
      factory.awaitTermination(5, TimeUnit.SECONDS);
    }
    service.shutdown();
    service.awaitTermination(5, TimeUnit.SECONDS);
    aws.close();
    return graceful;
  }

  /** Stops polling and lets running activities finish (for up to 30 s). */
  @Override
  public void close() {
    stop(DEFAULT_GRACE);
  }
}
