package io.spectrumflow.workflows.slots;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.temporal.activity.Activity;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The run slots' calls to Temporal, through the client of the worker that runs them. Temporal SDK
 * only, so it lives beside the workflow it serves.
 */
public final class RunSlotsActivitiesImpl implements RunSlotsActivities {

  @Override
  public void requestSlot(SlotRequest request) {
    WorkflowClient client = Activity.getExecutionContext().getWorkflowClient();
    RunSlotsWorkflow slots =
        client.newWorkflowStub(
            RunSlotsWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(RunSlotsWorkflow.id(request.pipeline()))
                .setTaskQueue(ExportTaskQueues.EXPORT)
                .build());
    BatchRequest batch = client.newSignalWithStartRequest();
    batch.add(slots::run, RunSlotsState.empty());
    batch.add(slots::acquire, request);
    client.signalWithStart(batch);
  }

  @Override
  public List<SlotHolder> closedHolders(List<SlotHolder> holders) {
    WorkflowClient client = Activity.getExecutionContext().getWorkflowClient();
    List<SlotHolder> closed = new ArrayList<>();
    for (SlotHolder holder : holders) {
      if (!running(client, holder)) {
        closed.add(holder);
      }
    }
    return closed;
  }

  private static boolean running(WorkflowClient client, SlotHolder holder) {
    try {
      WorkflowExecutionStatus status =
          client
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setExecution(
                          WorkflowExecution.newBuilder()
                              .setWorkflowId(holder.workflowId())
                              .setRunId(holder.runId()))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus();
      return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return false; // gone from the namespace's retention: closed long ago
      }
      throw e;
    }
  }
}
