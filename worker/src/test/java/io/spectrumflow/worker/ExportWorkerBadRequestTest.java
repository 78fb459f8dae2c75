package io.spectrumflow.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.export.ExportWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker as deployed reads a request that another service's client (TypeScript, the CLI, any
 * default converter) sends, and fails a bad one at once instead of retrying its workflow task.
 */
class ExportWorkerBadRequestTest {

  @TempDir Path workDir;

  @Test
  void anUnknownFormatFailsTheRunWithInvalidRequest() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:1");
    AwsSettings aws = new AwsSettings("us-east-1", nowhere, nowhere, nowhere, nowhere, true, 5);
    try (TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
        ExportWorker worker =
            new ExportWorker(new WorkerSettings("127.0.0.1:" + port, "default", aws, workDir))) {
      worker.start();
      WorkflowServiceStubs service =
          WorkflowServiceStubs.newServiceStubs(
              WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
      try {
        // a plain client with Temporal's default converter, like a TypeScript one
        WorkflowStub stub =
            WorkflowClient.newInstance(service)
                .newUntypedWorkflowStub(
                    ExportWorkflow.TYPE,
                    WorkflowOptions.newBuilder()
                        .setWorkflowId("export:events:bad-format")
                        .setTaskQueue(ExportTaskQueues.EXPORT)
                        .build());
        stub.start(
            Map.of(
                "batchId",
                "bad-format",
                "pipeline",
                Map.of("name", "events", "format", "ndjsonx"),
                "inputs",
                List.of("s3://lake/staging/one.ndjson")));

        Throwable thrown = catchThrowable(() -> stub.getResult(10, TimeUnit.SECONDS, Object.class));

        assertThat(thrown)
            .as("the run fails, not hangs")
            .isInstanceOf(WorkflowFailedException.class);
        ApplicationFailure failure = (ApplicationFailure) thrown.getCause();
        assertThat(failure.getType()).isEqualTo(ExportFailures.INVALID_REQUEST);
        assertThat(failure.getOriginalMessage())
            .contains("pipeline.format", "'ndjsonx'", "json, ndjson, csv");
      } finally {
        service.shutdownNow();
      }
    }
  }
}
