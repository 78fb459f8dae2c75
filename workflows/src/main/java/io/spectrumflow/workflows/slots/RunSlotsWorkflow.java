package io.spectrumflow.workflows.slots;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A pipeline's run slots: a semaphore that lets at most {@code maxConcurrentRuns} runs of the
 * pipeline do their steps at once. One per pipeline, with workflow id {@link #id}; runs ask for a
 * slot with signal-with-start (so asking never races with starting it), are told with the {@link
 * #GRANTED_SIGNAL} signal when they have one, first come first served, and give it back with {@link
 * #release}. Slots of runs that closed without giving them back (terminated, timed out) are taken
 * back.
 */
@WorkflowInterface
public interface RunSlotsWorkflow {

  String TYPE = "RunSlotsWorkflow";

  /** The signal a run receives when it holds a slot ({@link RunSlotHolder}). */
  String GRANTED_SIGNAL = "runSlotGranted";

  /** The workflow id of a pipeline's slots. */
  static String id(String pipeline) {
    return "slots:" + pipeline;
  }

  @WorkflowMethod(name = TYPE)
  void run(RunSlotsState state);

  @SignalMethod(name = "acquireRunSlot")
  void acquire(SlotRequest request);

  /** Gives back the holder's slot, or takes it out of the queue if it is still waiting. */
  @SignalMethod(name = "releaseRunSlot")
  void release(SlotHolder holder);

  @QueryMethod(name = "state")
  RunSlotsState state();
}
