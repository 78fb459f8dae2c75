package io.spectrumflow.local.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc.OperatorServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search attribute registry, through {@code OperatorService} as the Temporal CLI uses it. */
class SearchAttributesTest {

  private static TemporalFixture fixture;
  private static OperatorServiceBlockingStub operator;

  @BeforeAll
  static void start() {
    fixture = new TemporalFixture();
    operator = OperatorServiceGrpc.newBlockingStub(fixture.service.getRawChannel());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void spectrumflowAttributesAreRegistered() {
    ListSearchAttributesResponse listed =
        operator.listSearchAttributes(
            ListSearchAttributesRequest.newBuilder().setNamespace("default").build());

    assertThat(listed.getCustomAttributesMap())
        .containsEntry("SpectrumflowPipeline", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .containsEntry("SpectrumflowBatchId", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .containsEntry(
            "SpectrumflowPartitionDates", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST)
        .containsEntry("SpectrumflowRows", IndexedValueType.INDEXED_VALUE_TYPE_INT)
        .containsKey("CustomKeywordField");
    assertThat(listed.getSystemAttributesMap())
        .containsEntry("WorkflowType", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
        .containsEntry("TemporalScheduledById", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
  }

  @Test
  void addedAttributesCanBeSetAndQueried() {
    operator.addSearchAttributes(
        AddSearchAttributesRequest.newBuilder()
            .setNamespace("default")
            .putSearchAttributes("Colour", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
            .build());
    // Adding again is a no-op, as on current servers.
    operator.addSearchAttributes(
        AddSearchAttributesRequest.newBuilder()
            .setNamespace("default")
            .putSearchAttributes("Colour", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
            .build());
    GreetingWorkflow greeting =
        fixture.newGreeting(
            WorkflowOptions.newBuilder()
                .setWorkflowId("sa-colour")
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(SearchAttributeKey.forKeyword("Colour"), "teal")
                        .build()));
    greeting.greet("grace");

    assertThat(fixture.client.listExecutions("Colour = 'teal'"))
        .extracting(execution -> execution.getExecution().getWorkflowId())
        .containsExactly("sa-colour");
  }

  @Test
  void unregisteredAttributesAreRefusedAtStart() {
    GreetingWorkflow greeting =
        fixture.newGreeting(
            WorkflowOptions.newBuilder()
                .setWorkflowId("sa-unknown")
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(SearchAttributeKey.forKeyword("NeverRegistered"), "x")
                        .build()));

    assertThatThrownBy(() -> WorkflowClient.start(greeting::greet, "x"))
        .hasStackTraceContaining("NeverRegistered");
  }

  @Test
  void systemNamesAreReserved() {
    assertThatThrownBy(
            () ->
                operator.addSearchAttributes(
                    AddSearchAttributesRequest.newBuilder()
                        .putSearchAttributes(
                            "WorkflowType", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                        .build()))
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(e.getStatus().getDescription())
                  .isEqualTo("Search attribute WorkflowType is reserved by system.");
            });
  }
}
