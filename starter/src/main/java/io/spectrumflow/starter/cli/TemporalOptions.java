package io.spectrumflow.starter.cli;

import io.spectrumflow.workflows.export.ExportDataConverter;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import picocli.CommandLine.Option;

/** Where the Temporal frontend is, for commands that talk to it. */
public final class TemporalOptions {

  @Option(
      names = "--temporal",
      defaultValue = "${env:TEMPORAL_ADDRESS:-127.0.0.1:7233}",
      description = "Temporal frontend host:port (env TEMPORAL_ADDRESS; default: ${DEFAULT-VALUE})")
  String target;

  @Option(
      names = "--namespace",
      defaultValue = "${env:TEMPORAL_NAMESPACE:-default}",
      description = "Temporal namespace (env TEMPORAL_NAMESPACE; default: ${DEFAULT-VALUE})")
  String namespace;

  /** A client for these options; shut down its service stubs when done. */
  public WorkflowClient connect() {
    WorkflowServiceStubs service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    return WorkflowClient.newInstance(
        service,
        WorkflowClientOptions.newBuilder()
            .setNamespace(namespace)
            // reads stored requests as the worker does (YAML spellings of enums, ...)
            .setDataConverter(ExportDataConverter.INSTANCE)
            .build());
  }
}
