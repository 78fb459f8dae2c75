package io.spectrumflow.starter.runs;

import io.spectrumflow.workflows.export.ExportProgress;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.query.v1.WorkflowQuery;
import io.temporal.api.workflowservice.v1.QueryWorkflowRequest;
import io.temporal.api.workflowservice.v1.QueryWorkflowResponse;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code progress} query with a deadline of its own: a worker answers it, and when none does in
 * time (all stopped, say) the dashboard shows the run without it rather than waiting for the SDK's
 * query timeout on every refresh. For a running run it tells the current step and the finished
 * steps' timings; for a run that ended without a result, the steps it finished before it failed
 * (the worker replays its history to answer).
 */
public final class ProgressQuery {

  /** {@link io.spectrumflow.workflows.export.ExportWorkflow#progress()}'s query name. */
  private static final String QUERY = "progress";

  private static final Duration DEADLINE = Duration.ofSeconds(3);

  private final WorkflowClient client;

  public ProgressQuery(WorkflowClient client) {
    this.client = client;
  }

  public Optional<ExportProgress> of(String workflowId, String runId) {
    QueryWorkflowRequest request =
        QueryWorkflowRequest.newBuilder()
            .setNamespace(client.getOptions().getNamespace())
            .setExecution(
                WorkflowExecution.newBuilder().setWorkflowId(workflowId).setRunId(runId).build())
            .setQuery(WorkflowQuery.newBuilder().setQueryType(QUERY).build())
            .build();
    try {
      QueryWorkflowResponse response =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
              .queryWorkflow(request);
      if (!response.hasQueryResult()) {
        return Optional.empty();
      }
      return Optional.ofNullable(
          client
              .getOptions()
              .getDataConverter()
              .fromPayloads(
                  0,
                  Optional.of(response.getQueryResult()),
                  ExportProgress.class,
                  ExportProgress.class));
    } catch (RuntimeException unanswered) {
      // no worker answered in time, or the run is not an export
      return Optional.empty();
    }
  }
}
