package io.spectrumflow.local.temporal.schedule;

import io.grpc.Status;
import io.spectrumflow.local.temporal.schedule.spec.InvalidSpecException;
import io.spectrumflow.local.temporal.schedule.spec.SpecCanonicalizer;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeRegistry;
import io.temporal.api.common.v1.SearchAttributes;
import io.temporal.api.schedule.v1.Schedule;

/**
 * Checks a schedule as the server does when it is created or updated, and stores its spec in the
 * server's canonical form. A refusal is {@code INVALID_ARGUMENT}.
 */
final class ScheduleRequests {

  private final SearchAttributeRegistry searchAttributes;

  ScheduleRequests(SearchAttributeRegistry searchAttributes) {
    this.searchAttributes = searchAttributes;
  }

  void checkId(String scheduleId) {
    if (scheduleId.isEmpty()) {
      throw invalid("ScheduleId is not set on request.");
    }
  }

  Schedule canonical(Schedule schedule) {
    if (!schedule.getAction().hasStartWorkflow()) {
      throw invalid("Schedule action is not set: only start_workflow is supported.");
    }
    if (schedule.getAction().getStartWorkflow().getWorkflowId().isEmpty()) {
      throw invalid("WorkflowId is not set on the schedule's action.");
    }
    if (schedule.getAction().getStartWorkflow().getTaskQueue().getName().isEmpty()) {
      throw invalid("TaskQueue is not set on the schedule's action.");
    }
    checkAttributes(schedule.getAction().getStartWorkflow().getSearchAttributes());
    try {
      return schedule.toBuilder()
          .setSpec(SpecCanonicalizer.canonicalize(schedule.getSpec()))
          .build();
    } catch (InvalidSpecException e) {
      throw invalid("Invalid schedule spec: " + e.getMessage());
    }
  }

  void checkAttributes(SearchAttributes attributes) {
    for (String name : attributes.getIndexedFieldsMap().keySet()) {
      if (searchAttributes.typeOf(name).isEmpty()) {
        throw invalid("search attribute " + name + " is not defined");
      }
    }
  }

  private static RuntimeException invalid(String message) {
    return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
  }
}
