package io.spectrumflow.starter.runs;

import io.spectrumflow.workflows.export.ExportProgress;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.export.ExportWorkflow;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starts export runs and looks at them, through the Temporal client. */
public final class ExportRuns {

  private final WorkflowClient client;

  public ExportRuns(WorkflowClient client) {
    this.client = client;
  }

  /**
   * Starts the run of a batch, unless the batch already has one. Temporal decides atomically: of
   * concurrent starts of one batch exactly one starts a run, the others are told of that run.
   *
   * @param rerun also start a new run when the batch's last run completed; its objects are
   *     overwritten under the same keys
   */
  public RunStarted start(ExportRequest request, boolean rerun) {
    String workflowId = ExportWorkflowIds.of(request.pipeline().name(), request.batchId());
    ExportWorkflow workflow =
        client.newWorkflowStub(
            ExportWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(ExportTaskQueues.EXPORT)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                .setWorkflowIdReusePolicy(
                    rerun
                        ? WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE
                        : WorkflowIdReusePolicy
                            .WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(ExportSearchAttributes.PIPELINE, request.pipeline().name())
                        .set(ExportSearchAttributes.BATCH_ID, request.batchId())
                        .build())
                .build());
    try {
      return new RunStarted(
          workflowId, WorkflowClient.start(workflow::export, request).getRunId(), false);
    } catch (WorkflowExecutionAlreadyStarted e) {
      return new RunStarted(workflowId, e.getExecution().getRunId(), true);
    }
  }

  /** Waits for the latest run of a workflow id and returns its result. */
  public ExportResult result(String workflowId, Duration timeout) throws TimeoutException {
    return client
        .newUntypedWorkflowStub(workflowId)
        .getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, ExportResult.class);
  }

  /** Where the latest run of a workflow id is. */
  public ExportProgress progress(String workflowId) {
    return client.newWorkflowStub(ExportWorkflow.class, workflowId).progress();
  }

  /** How many runs of a pipeline are running now, from Temporal's visibility. */
  public long running(String pipeline) {
    return client
        .countWorkflows(
            "WorkflowType = '"
                + ExportWorkflow.TYPE
                + "' AND ExecutionStatus = 'Running' AND "
                + ExportSearchAttributes.PIPELINE.getName()
                + " = '"
                + ExportWorkflowIds.requireValidPipelineName(pipeline)
                + "'")
        .getCount();
  }

  /** The untyped stub, for status and description. */
  public WorkflowStub stub(String workflowId) {
    return client.newUntypedWorkflowStub(workflowId);
  }
}
