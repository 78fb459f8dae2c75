package io.spectrumflow.workflows.slots;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;

/** What a workflow that takes run slots (through {@link RunSlot}) implements besides its own. */
@WorkflowInterface
public interface RunSlotHolder {

  /** The pipeline's run slots gave this run a slot. */
  @SignalMethod(name = RunSlotsWorkflow.GRANTED_SIGNAL)
  void slotGranted();
}
