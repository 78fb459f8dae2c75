package io.spectrumflow.starter.app;

import io.dropwizard.lifecycle.Managed;
import io.spectrumflow.workflows.export.ExportDataConverter;
import io.spectrumflow.workflows.export.TemporalSettings;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.concurrent.TimeUnit;

/** The starter's connection to Temporal: a workflow client and a schedule client. */
public final class TemporalConnection implements Managed {

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final ScheduleClient schedules;

  public TemporalConnection(TemporalSettings settings) {
    // lazy: the application starts, and its health check reports, while Temporal is down
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(settings.target()).build());
    this.client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setNamespace(settings.namespace())
                // reads stored requests as the worker does (YAML spellings of enums, ...)
                .setDataConverter(ExportDataConverter.INSTANCE)
                .build());
    this.schedules =
        ScheduleClient.newInstance(
            service, ScheduleClientOptions.newBuilder().setNamespace(settings.namespace()).build());
  }

  public WorkflowServiceStubs service() {
    return service;
  }

  public WorkflowClient client() {
    return client;
  }

  public ScheduleClient schedules() {
    return schedules;
  }

  @Override
  public void stop() {
    service.shutdown();
    service.awaitTermination(5, TimeUnit.SECONDS);
  }
}
