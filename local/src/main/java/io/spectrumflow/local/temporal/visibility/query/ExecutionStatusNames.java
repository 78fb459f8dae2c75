package io.spectrumflow.local.temporal.visibility.query;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.util.Optional;

/** Execution statuses as visibility names them: {@code Running}, {@code ContinuedAsNew}, ... */
public final class ExecutionStatusNames {

  private static final String PREFIX = "WORKFLOW_EXECUTION_STATUS_";

  private ExecutionStatusNames() {}

  public static String name(WorkflowExecutionStatus status) {
    return TypeNames.camel(status.name(), PREFIX);
  }

  /** A status by its short name, its full enum name or its number. */
  static Optional<String> parse(String text) {
    for (WorkflowExecutionStatus status : WorkflowExecutionStatus.values()) {
      if (status == WorkflowExecutionStatus.UNRECOGNIZED
          || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED) {
        continue;
      }
      if (name(status).equals(text)
          || status.name().equals(text)
          || String.valueOf(status.getNumber()).equals(text)) {
        return Optional.of(name(status));
      }
    }
    return Optional.empty();
  }
}
