package io.spectrumflow.local.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Calls the test server implements still work through the front, errors included. */
class ForwardingTest {

  private static TemporalFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new TemporalFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void startSignalQueryAndResult() {
    GreetingWorkflow greeting =
        fixture.newGreeting(WorkflowOptions.newBuilder().setWorkflowId("forward-hold"));
    WorkflowExecution execution = WorkflowClient.start(greeting::greet, "hold-on");
    TemporalFixture.await(
        "the workflow to hold", Duration.ofSeconds(10), () -> greeting.stage().equals("holding"));

    greeting.release();

    assertThat(WorkflowStub.fromTyped(greeting).getResult(String.class)).isEqualTo("Hello hold-on");
    assertThat(greeting.stage()).isEqualTo("done");
    assertThat(execution.getRunId()).isNotEmpty();
  }

  @Test
  void searchAttributesSetAtStartAndUpsertedAreDescribed() {
    GreetingWorkflow greeting =
        fixture.newGreeting(
            WorkflowOptions.newBuilder()
                .setWorkflowId("forward-attributes")
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(ExportSearchAttributes.PIPELINE, "events")
                        .set(ExportSearchAttributes.BATCH_ID, "b-1")
                        .build()));
    greeting.greet("ada");

    SearchAttributes attributes =
        fixture
            .client
            .newUntypedWorkflowStub("forward-attributes")
            .describe()
            .getTypedSearchAttributes();
    assertThat(attributes.get(ExportSearchAttributes.PIPELINE)).isEqualTo("events");
    assertThat(attributes.get(ExportSearchAttributes.BATCH_ID)).isEqualTo("b-1");
    assertThat(attributes.get(ExportSearchAttributes.PARTITION_DATES))
        .containsExactly("2026-11-24", "2026-11-25");
    assertThat(attributes.get(ExportSearchAttributes.ROWS)).isEqualTo(3L);
  }

  @Test
  void errorsKeepTheirStatusAndDetails() {
    GreetingWorkflow first =
        fixture.newGreeting(WorkflowOptions.newBuilder().setWorkflowId("forward-twice"));
    WorkflowClient.start(first::greet, "hold-twice");
    GreetingWorkflow second =
        fixture.newGreeting(WorkflowOptions.newBuilder().setWorkflowId("forward-twice"));

    // The SDK reads the run id of the running workflow from the error's details.
    assertThatThrownBy(() -> WorkflowClient.start(second::greet, "again"))
        .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
    first.release();

    GreetingWorkflow failing =
        fixture.newGreeting(WorkflowOptions.newBuilder().setWorkflowId("forward-fail"));
    assertThatThrownBy(() -> failing.greet("fail-please"))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("asked to fail");

    assertThatThrownBy(
            () ->
                fixture
                    .service
                    .blockingStub()
                    .describeWorkflowExecution(
                        DescribeWorkflowExecutionRequest.newBuilder()
                            .setNamespace("default")
                            .setExecution(WorkflowExecution.newBuilder().setWorkflowId("nobody"))
                            .build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
  }

  @Test
  void healthIsForwarded() {
    HealthCheckResponse health =
        HealthGrpc.newBlockingStub(fixture.service.getRawChannel())
            .check(
                HealthCheckRequest.newBuilder()
                    .setService(WorkflowServiceStubs.HEALTH_CHECK_SERVICE_NAME)
                    .build());

    assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }
}
