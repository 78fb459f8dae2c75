package io.spectrumflow.local.temporal.schedule;

import io.spectrumflow.local.temporal.searchattributes.SearchAttributeValues;
import io.spectrumflow.local.temporal.searchattributes.SystemSearchAttributes;
import io.temporal.api.common.v1.SearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflow.v1.NewWorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import java.time.Instant;

/**
 * The start request for a schedule's action, as the server's scheduler makes it: the workflow id
 * gets the nominal time appended ({@code <id>-2026-11-24T10:00:00Z}, in UTC, to the second) unless
 * the schedule keeps the original id, and the run carries {@code TemporalScheduledStartTime} and
 * {@code TemporalScheduledById}.
 */
final class ActionStarts {

  static final String IDENTITY = "temporal-scheduler";

  private ActionStarts() {}

  static String workflowId(NewWorkflowExecutionInfo action, boolean keepOriginalId, long nominal) {
    if (keepOriginalId) {
      return action.getWorkflowId();
    }
    return action.getWorkflowId() + "-" + Instant.ofEpochSecond(Math.floorDiv(nominal, 1000));
  }

  static StartWorkflowExecutionRequest request(
      String namespace,
      String scheduleId,
      NewWorkflowExecutionInfo action,
      String workflowId,
      long nominalMillis,
      String requestId) {
    SearchAttributes attributes =
        action.getSearchAttributes().toBuilder()
            .putIndexedFields(
                SystemSearchAttributes.SCHEDULED_START_TIME,
                SearchAttributeValues.payload(
                    Instant.ofEpochMilli(nominalMillis),
                    IndexedValueType.INDEXED_VALUE_TYPE_DATETIME))
            .putIndexedFields(
                SystemSearchAttributes.SCHEDULED_BY_ID,
                SearchAttributeValues.payload(
                    scheduleId, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD))
            .build();
    StartWorkflowExecutionRequest.Builder request =
        StartWorkflowExecutionRequest.newBuilder()
            .setNamespace(namespace)
            .setWorkflowId(workflowId)
            .setWorkflowType(action.getWorkflowType())
            .setTaskQueue(action.getTaskQueue())
            .setIdentity(IDENTITY)
            .setRequestId(requestId)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
            .setSearchAttributes(attributes);
    if (action.hasInput()) {
      request.setInput(action.getInput());
    }
    if (action.hasWorkflowExecutionTimeout()) {
      request.setWorkflowExecutionTimeout(action.getWorkflowExecutionTimeout());
    }
    if (action.hasWorkflowRunTimeout()) {
      request.setWorkflowRunTimeout(action.getWorkflowRunTimeout());
    }
    if (action.hasWorkflowTaskTimeout()) {
      request.setWorkflowTaskTimeout(action.getWorkflowTaskTimeout());
    }
    if (action.hasRetryPolicy()) {
      request.setRetryPolicy(action.getRetryPolicy());
    }
    if (action.hasMemo()) {
      request.setMemo(action.getMemo());
    }
    if (action.hasHeader()) {
      request.setHeader(action.getHeader());
    }
    if (action.hasUserMetadata()) {
      request.setUserMetadata(action.getUserMetadata());
    }
    if (action.hasPriority()) {
      request.setPriority(action.getPriority());
    }
    return request.build();
  }
}
