package io.spectrumflow.local.temporal.visibility;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeRegistry;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeValues;
import io.spectrumflow.local.temporal.visibility.query.AttributeSource;
import io.spectrumflow.local.temporal.visibility.query.ExecutionStatusNames;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One workflow run as visibility sees it: its description from the test server, and the values of
 * its system and custom search attributes.
 */
final class ExecutionRecord implements AttributeSource {

  private final WorkflowExecutionInfo info;
  private final Map<String, Object> values;

  private ExecutionRecord(WorkflowExecutionInfo info, Map<String, Object> values) {
    this.info = info;
    this.values = values;
  }

  static ExecutionRecord of(WorkflowExecutionInfo info, SearchAttributeRegistry registry) {
    Map<String, Object> values =
        new HashMap<>(SearchAttributeValues.read(info.getSearchAttributes(), registry));
    values.put("WorkflowId", info.getExecution().getWorkflowId());
    values.put("RunId", info.getExecution().getRunId());
    values.put("WorkflowType", info.getType().getName());
    values.put("ExecutionStatus", ExecutionStatusNames.name(info.getStatus()));
    values.put("HistoryLength", info.getHistoryLength());
    values.put("TaskQueue", info.getTaskQueue());
    if (info.hasStartTime()) {
      values.put("StartTime", instant(info.getStartTime()));
    }
    if (info.hasExecutionTime()) {
      values.put("ExecutionTime", instant(info.getExecutionTime()));
    }
    if (isClosed(info) && info.hasCloseTime()) {
      values.put("CloseTime", instant(info.getCloseTime()));
    }
    if (info.hasExecutionDuration()) {
      Duration duration = info.getExecutionDuration();
      values.put("ExecutionDuration", duration.getSeconds() * 1_000_000_000L + duration.getNanos());
    }
    if (info.hasParentExecution()) {
      values.put("ParentWorkflowId", info.getParentExecution().getWorkflowId());
      values.put("ParentRunId", info.getParentExecution().getRunId());
    }
    if (info.hasRootExecution()) {
      values.put("RootWorkflowId", info.getRootExecution().getWorkflowId());
      values.put("RootRunId", info.getRootExecution().getRunId());
    }
    return new ExecutionRecord(info, Map.copyOf(values));
  }

  WorkflowExecutionInfo info() {
    return info;
  }

  boolean isClosed() {
    return isClosed(info);
  }

  @Override
  public Object value(String attribute) {
    return values.get(attribute);
  }

  private static boolean isClosed(WorkflowExecutionInfo info) {
    return info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  private static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
