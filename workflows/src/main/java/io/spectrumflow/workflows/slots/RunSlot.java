package io.spectrumflow.workflows.slots;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * A run's side of its pipeline's run slots: it asks for a slot, waits until it has one, and gives
 * it back when the run ends, however it ends. Workflow code: deterministic. The workflow using it
 * implements {@link RunSlotHolder} by calling {@link #granted}.
 */
public final class RunSlot {

  private static final Logger log = Workflow.getLogger(RunSlot.class);

  private final RunSlotsActivities temporal =
      Workflow.newActivityStub(
          RunSlotsActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofSeconds(30))
                      .build())
              .build());

  private String pipeline;
  private SlotHolder holder;
  private boolean granted;

  /** The slots told this run it holds a slot. */
  public void granted() {
    granted = true;
  }

  /** Asks for one of the pipeline's {@code limit} slots and waits, queued, until it has it. */
  public void acquire(String pipeline, int limit) {
    this.pipeline = pipeline;
    this.holder = new SlotHolder(Workflow.getInfo().getWorkflowId(), Workflow.getInfo().getRunId());
    temporal.requestSlot(new SlotRequest(pipeline, holder, limit));
    Workflow.await(() -> granted);
  }

  /**
   * Gives the slot back, or leaves the queue; also when the run was cancelled. Nothing if the run
   * never asked for one.
   */
  public void release() {
    if (holder == null) {
      return;
    }
    Workflow.newDetachedCancellationScope(
            () -> {
              try {
                Workflow.newExternalWorkflowStub(
                        RunSlotsWorkflow.class, RunSlotsWorkflow.id(pipeline))
                    .release(holder);
              } catch (SignalExternalWorkflowException | ApplicationFailure gone) {
                // The slots take the slot back themselves once they see this run closed. (A
                // signal to a workflow that is not there fails as an ApplicationFailure whose
                // type names the cause, not always as SignalExternalWorkflowException.)
                log.warn("could not give back the run slot of {}: {}", holder, gone.getMessage());
              }
            })
        .run();
  }
}
