package io.spectrumflow.starter.runs;

import io.spectrumflow.workflows.export.ExportProgress;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.spectrumflow.workflows.export.ExportWorkflow;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds runs and tells how they are: status, live progress, result or failure. */
public final class RunLookup {

  private final WorkflowClient client;
  private final ProgressQuery progress;
  private final RunRequest requests;

  public RunLookup(WorkflowClient client) {
    this.client = client;
    this.progress = new ProgressQuery(client);
    this.requests = new RunRequest(client);
  }

  /**
   * The latest run of a pipeline's batch: under its workflow id, else under the id runs had before
   * ({@link ExportWorkflowIds#legacyOf}), which two batches of pipelines like {@code events} and
   * {@code events-json} share, so such a run counts only when it records this pipeline and batch.
   */
  public Optional<BatchRun> batchRun(String pipeline, String batchId) {
    Optional<BatchRun> current =
        run(ExportWorkflowIds.of(pipeline, batchId)).map(this::withRequest);
    if (current.isPresent()) {
      return current;
    }
    return run(ExportWorkflowIds.legacyOf(pipeline, batchId))
        .map(this::withRequest)
        .filter(found -> isOf(found, pipeline, batchId));
  }

  /** The run of a batch, found as {@link #batchRun} finds it, or empty. */
  public Optional<RunView> runOf(String pipeline, String batchId) {
    return batchRun(pipeline, batchId).map(BatchRun::view);
  }

  private BatchRun withRequest(RunView view) {
    return new BatchRun(view, requests.of(view.workflowId(), view.runId()).orElse(null));
  }

  /** Whether a run records the pipeline and batch: its search attributes, else its input. */
  private static boolean isOf(BatchRun run, String pipeline, String batchId) {
    if (run.view().pipeline() != null && run.view().batchId() != null) {
      return run.view().pipeline().equals(pipeline) && run.view().batchId().equals(batchId);
    }
    return run.request() != null
        && run.request().pipeline() != null
        && pipeline.equals(run.request().pipeline().name())
        && batchId.equals(run.request().batchId());
  }

  /** The latest run of a workflow id, or empty when there is none. */
  public Optional<RunView> run(String workflowId) {
    WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
    WorkflowExecutionDescription description;
    try {
      description = stub.describe();
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    }
    WorkflowExecutionStatus status = description.getStatus();
    boolean export = ExportWorkflow.TYPE.equals(description.getWorkflowType());
    ExportProgress live = null;
    ExportResult result = null;
    String failure = null;
    if (export && status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      // with a deadline: while no worker runs, the query would otherwise wait out its timeout
      live = progress.of(workflowId, description.getExecution().getRunId()).orElse(null);
    } else if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED && export) {
      result = stub.getResult(ExportResult.class);
    } else if (status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING
        && status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      failure = failureOf(stub);
    }
    return Optional.of(
        view(
            workflowId,
            description.getExecution().getRunId(),
            description.getWorkflowType(),
            status,
            description.getTypedSearchAttributes(),
            description.getStartTime(),
            description.getCloseTime(),
            live,
            result,
            failure));
  }

  /**
   * Recent runs matching a visibility query (without ORDER BY, which Temporal's SQL visibility
   * refuses), newest first among those Temporal answers first: running runs, then the most recently
   * closed.
   */
  public List<RunView> list(String query, int limit) {
    try (Stream<WorkflowExecutionMetadata> runs = client.listExecutions(query)) {
      return runs.limit(limit)
          .sorted(
              Comparator.comparing(
                      WorkflowExecutionMetadata::getStartTime,
                      Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                  .reversed())
          .map(
              run ->
                  view(
                      run.getExecution().getWorkflowId(),
                      run.getExecution().getRunId(),
                      run.getWorkflowType(),
                      run.getStatus(),
                      run.getTypedSearchAttributes(),
                      run.getStartTime(),
                      run.getCloseTime(),
                      null,
                      null,
                      null))
          .toList();
    }
  }

  /** The failure's own message: the workflow's ApplicationFailure names the step and the cause. */
  private static String failureOf(WorkflowStub stub) {
    try {
      stub.getResult(ExportResult.class);
      return null;
    } catch (WorkflowException e) {
      return e.getCause() instanceof ApplicationFailure application
          ? application.getOriginalMessage()
          : String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
    }
  }

  private static RunView view(
      String workflowId,
      String runId,
      String type,
      WorkflowExecutionStatus status,
      SearchAttributes attributes,
      Instant start,
      Instant close,
      ExportProgress progress,
      ExportResult result,
      String failure) {
    return new RunView(
        workflowId,
        runId,
        type,
        status.name().replace("WORKFLOW_EXECUTION_STATUS_", "").toLowerCase(Locale.ROOT),
        attributes.get(ExportSearchAttributes.PIPELINE),
        attributes.get(ExportSearchAttributes.BATCH_ID),
        attributes.get(ExportSearchAttributes.PARTITION_DATES),
        attributes.get(ExportSearchAttributes.ROWS),
        start == null ? null : start.toString(),
        close == null ? null : close.toString(),
        progress,
        result,
        failure);
  }
}
