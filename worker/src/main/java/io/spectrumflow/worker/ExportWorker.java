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
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.export.ExportWorkflowImpl;
import io.spectrumflow.workflows.preflight.PreflightWorkflowImpl;
import io.spectrumflow.workflows.schedule.ScheduledExportWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * One worker process: the export workflow and the activities that may run anywhere on the shared
 * task queue, and the upload on this process's own host queue, where its dumped files are.
 */
public final class ExportWorker implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

  private final WorkflowServiceStubs service;
  private final WorkerFactory factory;
  private final AwsClients aws;
  private final String hostQueue;

  public ExportWorker(WorkerSettings settings) {
    this(settings, List.of());
  }

  /**
   * A worker whose AWS clients also run the given interceptors (a test seam: recording the calls
   * made, injecting faults).
   */
  public ExportWorker(WorkerSettings settings, List<ExecutionInterceptor> interceptors) {
    String identity = WorkerIdentity.create();
    this.hostQueue = ExportTaskQueues.hostQueue(identity);
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(settings.temporalTarget()).build());
    WorkflowClient client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(settings.namespace())
                .setIdentity(identity)
                .build());
    this.factory = WorkerFactory.newInstance(client);
    this.aws = new AwsClients(settings.aws(), interceptors);

    Worker shared = factory.newWorker(ExportTaskQueues.EXPORT);
    shared.registerWorkflowImplementationTypes(
        ExportWorkflowImpl.class, PreflightWorkflowImpl.class, ScheduledExportWorkflowImpl.class);
    shared.registerActivitiesImplementations(
        new DumpActivitiesImpl(aws.s3(), aws.glue(), settings.workDir(), hostQueue),
        new CatalogActivitiesImpl(aws.glue()),
        new StorageActivitiesImpl(aws.s3()),
        new PreflightActivitiesImpl(aws),
        new StagingActivitiesImpl(aws.s3()),
        new AlertActivitiesImpl(),
        new RedshiftActivitiesImpl(aws.redshiftData(), aws.redshift()));
    Worker host = factory.newWorker(hostQueue);
    host.registerActivitiesImplementations(new UploadActivitiesImpl(aws.s3()));
  }

  /** Starts polling. */
  public void start() {
    factory.start();
    log.info("worker polling {} and {}", ExportTaskQueues.EXPORT, hostQueue);
  }

  public String hostQueue() {
    return hostQueue;
  }

  /** Stops polling and lets running activities finish (for up to 30 s). */
  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(30, TimeUnit.SECONDS);
    service.shutdown();
    service.awaitTermination(5, TimeUnit.SECONDS);
    aws.close();
  }
}
