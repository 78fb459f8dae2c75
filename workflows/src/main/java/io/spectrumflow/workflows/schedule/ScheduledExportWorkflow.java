package io.spectrumflow.workflows.schedule;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The action of a pipeline's Temporal Schedule: export everything staged since the last run. */
@WorkflowInterface
public interface ScheduledExportWorkflow {

  /** The workflow type. */
  String TYPE = "ScheduledExportWorkflow";

  @WorkflowMethod(name = TYPE)
  ScheduledExportResult exportStaged(ScheduledExportRequest request);
}
