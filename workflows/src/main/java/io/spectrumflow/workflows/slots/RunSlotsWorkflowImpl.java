package io.spectrumflow.workflows.slots;

import io.temporal.activity.ActivityOptions;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.SignalExternalWorkflowException;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;

/** A pipeline's run slots. Workflow code: deterministic; only the activities call Temporal. */
public class RunSlotsWorkflowImpl implements RunSlotsWorkflow {

  private static final Logger log = Workflow.getLogger(RunSlotsWorkflowImpl.class);

  /** Slots nobody held or waited for this long are closed; the next request starts them again. */
  static final Duration IDLE = Duration.ofMinutes(10);

  /** Holders that released recently: a late duplicate request of theirs is ignored. */
  private static final int RECENT_RELEASES = 256;

  private final RunSlotsActivities temporal =
      Workflow.newActivityStub(
          RunSlotsActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofSeconds(30))
                      .setMaximumAttempts(10)
                      .build())
              .build());

  private int limit;
  private int grantsPerRun;
  private Duration holderCheck;
  private int grants;
  private final Set<SlotHolder> holding = new LinkedHashSet<>();
  private final Deque<SlotHolder> waiting = new ArrayDeque<>();
  private final Deque<SlotHolder> released = new ArrayDeque<>();
  private boolean changed;

  @Override
  public void run(RunSlotsState state) {
    carryOver(state);
    while (true) {
      changed = false;
      grantFreeSlots();
      if (grants >= grantsPerRun || Workflow.getInfo().isContinueAsNewSuggested()) {
        Workflow.continueAsNew(state());
      }
      boolean idle = holding.isEmpty() && waiting.isEmpty();
      if (!Workflow.await(idle ? IDLE : holderCheck, () -> changed)) {
        if (idle) {
          return;
        }
        if (!waiting.isEmpty()) {
          takeBackSlotsOfClosedRuns();
        }
      }
    }
  }

  /**
   * Takes over the state of the previous run; signals handled before this (the request that started
   * the slots, say) keep their effect and come after it in the queue.
   */
  private void carryOver(RunSlotsState state) {
    if (limit == 0) {
      limit = state.limit();
    }
    grantsPerRun = state.grantsPerRun();
    holderCheck = Duration.ofSeconds(state.holderCheckSeconds());
    List<SlotHolder> early = new ArrayList<>(waiting);
    waiting.clear();
    state.holding().stream().filter(h -> !released.contains(h)).forEach(holding::add);
    state.waiting().stream().filter(h -> !released.contains(h)).forEach(waiting::addLast);
    early.stream().filter(h -> !waiting.contains(h)).forEach(waiting::addLast);
  }

  @Override
  public void acquire(SlotRequest request) {
    limit = request.limit();
    SlotHolder holder = request.holder();
    if (!holding.contains(holder) && !waiting.contains(holder) && !released.contains(holder)) {
      waiting.addLast(holder);
    }
    changed = true;
  }

  @Override
  public void release(SlotHolder holder) {
    holding.remove(holder);
    waiting.remove(holder);
    released.addLast(holder);
    if (released.size() > RECENT_RELEASES) {
      released.removeFirst();
    }
    changed = true;
  }

  @Override
  public RunSlotsState state() {
    return new RunSlotsState(
        limit,
        new ArrayList<>(holding),
        new ArrayList<>(waiting),
        grantsPerRun,
        holderCheck == null
            ? RunSlotsState.DEFAULT_HOLDER_CHECK_SECONDS
            : (int) holderCheck.toSeconds());
  }

  private void grantFreeSlots() {
    while (holding.size() < limit && !waiting.isEmpty()) {
      SlotHolder next = waiting.removeFirst();
      holding.add(next); // before the signal: a release may arrive while it is delivered
      try {
        Workflow.newUntypedExternalWorkflowStub(
                WorkflowExecution.newBuilder()
                    .setWorkflowId(next.workflowId())
                    .setRunId(next.runId())
                    .build())
            .signal(GRANTED_SIGNAL);
        grants++;
      } catch (SignalExternalWorkflowException | ApplicationFailure gone) {
        holding.remove(next);
        log.info("run {} is gone while it waited for a slot; the next one gets it", next);
      }
    }
  }

  private void takeBackSlotsOfClosedRuns() {
    List<SlotHolder> closed = temporal.closedHolders(new ArrayList<>(holding));
    if (!closed.isEmpty()) {
      log.warn("runs {} closed holding a slot (terminated or timed out); taking them back", closed);
      closed.forEach(holding::remove);
    }
  }
}
