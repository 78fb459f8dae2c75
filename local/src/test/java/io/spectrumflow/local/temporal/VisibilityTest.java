package io.spectrumflow.local.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionCount;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code listExecutions} and {@code countWorkflows} with visibility queries, over four runs: {@code
 * vis-a} (events, completed, 3 rows), {@code vis-b} (orders, completed, 7 rows), {@code vis-c}
 * (events, running) and {@code vis-d} (no pipeline, failed).
 */
class VisibilityTest {

  private static final String MINE = "WorkflowId STARTS_WITH 'vis-'";

  private static TemporalFixture fixture;
  private static Instant before;
  private static GreetingWorkflow running;

  @BeforeAll
  static void startRuns() throws InterruptedException {
    fixture = new TemporalFixture();
    before = Instant.now();
    Thread.sleep(20);
    run("vis-a", "ada", "events", "a");
    run("vis-b", "barbara", "orders", "b");
    running = start("vis-c", "hold", "events", "c");
    TemporalFixture.await(
        "vis-c to hold", Duration.ofSeconds(10), () -> running.stage().equals("holding"));
    GreetingWorkflow failing =
        fixture.newGreeting(WorkflowOptions.newBuilder().setWorkflowId("vis-d"));
    WorkflowClient.start(failing::greet, "fail");
    TemporalFixture.await(
        "vis-d to fail",
        Duration.ofSeconds(10),
        () -> ids("WorkflowId = 'vis-d' AND ExecutionStatus = 'Failed'").size() == 1);
  }

  @AfterAll
  static void stop() {
    running.release();
    fixture.close();
  }

  private static void run(String id, String name, String pipeline, String batch) {
    GreetingWorkflow greeting = start(id, name, pipeline, batch);
    WorkflowStub.fromTyped(greeting).getResult(String.class);
  }

  private static GreetingWorkflow start(String id, String name, String pipeline, String batch) {
    GreetingWorkflow greeting =
        fixture.newGreeting(
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(ExportSearchAttributes.PIPELINE, pipeline)
                        .set(ExportSearchAttributes.BATCH_ID, batch)
                        .build()));
    WorkflowClient.start(greeting::greet, name);
    return greeting;
  }

  private static List<String> ids(String query) {
    return fixture
        .client
        .listExecutions(query)
        .map(execution -> execution.getExecution().getWorkflowId())
        .toList();
  }

  private static List<String> mine(String condition) {
    return ids(MINE + " AND " + condition + " ORDER BY WorkflowId");
  }

  @Test
  void byTypeStatusAndTimes() {
    assertThat(mine("WorkflowType = 'GreetingWorkflow'"))
        .containsExactly("vis-a", "vis-b", "vis-c", "vis-d");
    assertThat(mine("ExecutionStatus = 'Running'")).containsExactly("vis-c");
    assertThat(mine("ExecutionStatus != 'Running'")).containsExactly("vis-a", "vis-b", "vis-d");
    assertThat(mine("ExecutionStatus IN ('Failed', 'Completed')"))
        .containsExactly("vis-a", "vis-b", "vis-d");
    assertThat(mine("StartTime > '" + before + "'")).hasSize(4);
    assertThat(mine("StartTime <= '" + before + "'")).isEmpty();
    assertThat(mine("CloseTime >= '" + before + "'")).containsExactly("vis-a", "vis-b", "vis-d");
    assertThat(mine("CloseTime IS NULL")).containsExactly("vis-c");
    assertThat(
            mine("StartTime BETWEEN '" + before + "' AND '" + Instant.now().plusSeconds(5) + "'"))
        .hasSize(4);
    assertThat(mine("WorkflowId = 'vis-b'")).containsExactly("vis-b");
  }

  @Test
  void byCustomAttributesSetAtStartAndUpserted() {
    assertThat(mine("SpectrumflowPipeline = 'events'")).containsExactly("vis-a", "vis-c");
    assertThat(mine("SpectrumflowPipeline != 'events'")).containsExactly("vis-b");
    assertThat(mine("SpectrumflowPipeline IN ('orders', 'other')")).containsExactly("vis-b");
    assertThat(mine("SpectrumflowBatchId = 'a'")).containsExactly("vis-a");
    assertThat(mine("SpectrumflowPipeline IS NULL")).containsExactly("vis-d");
    assertThat(mine("SpectrumflowPartitionDates = '2026-11-25'")).hasSize(4);
    assertThat(mine("SpectrumflowPartitionDates IN ('2026-01-01', '2026-11-24')")).hasSize(4);
    assertThat(mine("SpectrumflowRows >= 5")).containsExactly("vis-b");
    assertThat(mine("SpectrumflowRows BETWEEN 1 AND 4")).containsExactly("vis-a");
    assertThat(mine("SpectrumflowRows < 100")).containsExactly("vis-a", "vis-b");
    assertThat(
            mine(
                "(SpectrumflowPipeline = 'events' OR SpectrumflowPipeline = 'orders')"
                    + " AND ExecutionStatus = 'Completed'"))
        .containsExactly("vis-a", "vis-b");
  }

  @Test
  void listsTheAttributesOfEachRun() {
    WorkflowExecutionMetadata a =
        fixture.client.listExecutions("WorkflowId = 'vis-a'").findFirst().orElseThrow();

    assertThat(a.getWorkflowType()).isEqualTo("GreetingWorkflow");
    assertThat(a.getTypedSearchAttributes().get(ExportSearchAttributes.PIPELINE))
        .isEqualTo("events");
    assertThat(a.getTypedSearchAttributes().get(ExportSearchAttributes.ROWS)).isEqualTo(3L);
    assertThat(a.getCloseTime()).isAfter(a.getStartTime());
  }

  @Test
  void ordersByStartTimeNewestFirstUnlessAsked() {
    assertThat(ids(MINE)).containsExactly("vis-d", "vis-c", "vis-b", "vis-a");
    assertThat(ids(MINE + " ORDER BY StartTime ASC"))
        .containsExactly("vis-a", "vis-b", "vis-c", "vis-d");
  }

  @Test
  void pagesWithTokens() {
    ListWorkflowExecutionsRequest request =
        ListWorkflowExecutionsRequest.newBuilder()
            .setNamespace("default")
            .setQuery(MINE)
            .setPageSize(3)
            .build();
    ListWorkflowExecutionsResponse first =
        fixture.service.blockingStub().listWorkflowExecutions(request);
    ListWorkflowExecutionsResponse second =
        fixture
            .service
            .blockingStub()
            .listWorkflowExecutions(
                request.toBuilder().setNextPageToken(first.getNextPageToken()).build());

    assertThat(first.getExecutionsList()).hasSize(3);
    assertThat(first.getNextPageToken().isEmpty()).isFalse();
    assertThat(second.getExecutionsList())
        .extracting(WorkflowExecutionInfo::getExecution)
        .extracting(execution -> execution.getWorkflowId())
        .containsExactly("vis-a");
    assertThat(second.getNextPageToken().isEmpty()).isTrue();
  }

  @Test
  void countsWithAndWithoutGroups() {
    assertThat(fixture.client.countWorkflows(MINE).getCount()).isEqualTo(4);
    assertThat(
            fixture.client.countWorkflows(MINE + " AND SpectrumflowPipeline = 'events'").getCount())
        .isEqualTo(2);

    WorkflowExecutionCount grouped =
        fixture.client.countWorkflows(MINE + " GROUP BY ExecutionStatus");
    // The SDK decodes each group value as a search attribute: a list.
    Map<Object, Long> groups =
        grouped.getGroups().stream()
            .collect(
                Collectors.toMap(
                    group -> group.getGroupValues().get(0),
                    WorkflowExecutionCount.AggregationGroup::getCount));
    assertThat(grouped.getCount()).isEqualTo(4);
    assertThat(groups)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(List.of("Completed"), 2L, List.of("Running"), 1L, List.of("Failed"), 1L));
  }

  @Test
  void refusesBadQueriesAsTheServerDoes() {
    assertInvalid("WorkflowType = ", "invalid query: malformed SQL query: syntax error");
    assertInvalid(
        "Nope = 'x'",
        "invalid query: invalid expression: column name 'Nope' is not a valid search attribute");
    assertInvalid(
        "SpectrumflowRows = 'many'",
        "invalid value type for search attribute SpectrumflowRows of type Int");
    assertInvalid(
        "SpectrumflowPartitionDates > '2026'",
        "operator '>' not supported for KeywordList type search attribute 'SpectrumflowPartitionDates'");
    assertInvalid("ExecutionStatus = 'Sleeping'", "invalid ExecutionStatus value 'Sleeping'");
    assertInvalid("StartTime > 'yesterday'", "unable to parse datetime 'yesterday'");
  }

  private static void assertInvalid(String query, String message) {
    assertThatThrownBy(() -> fixture.client.countWorkflows(query))
        .satisfies(
            e -> {
              StatusRuntimeException status = find(e);
              assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
              assertThat(status.getStatus().getDescription()).contains(message);
            });
    assertThatThrownBy(() -> ids(query)).hasStackTraceContaining(message);
  }

  private static StatusRuntimeException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status) {
        return status;
      }
    }
    throw new AssertionError("no gRPC status in " + e, e);
  }
}
