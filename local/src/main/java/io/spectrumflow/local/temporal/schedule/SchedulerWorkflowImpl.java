package io.spectrumflow.local.temporal.schedule;

import io.temporal.activity.ActivityOptions;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.schedule.v1.SchedulePatch;
import io.temporal.api.workflow.v1.NewWorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;

/**
 * The scheduler loop: take the spec times that have come, start what the overlap policy allows,
 * watch the runs started (one long-polling activity each), sleep until the next spec time, a patch
 * or update, or a watched run's end. Continues as new when its history grows long.
 */
public class SchedulerWorkflowImpl implements SchedulerWorkflow {

  private static final Logger LOG = Workflow.getLogger(SchedulerWorkflowImpl.class);
  private static final long MAX_HISTORY_LENGTH = 10_000;
  private static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofMillis(200))
          .setMaximumInterval(Duration.ofSeconds(5))
          .build();

  private final SchedulerActivities calls =
      Workflow.newActivityStub(
          SchedulerActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TASK_QUEUE)
              .setStartToCloseTimeout(Duration.ofSeconds(15))
              .setRetryOptions(RETRY)
              .build());
  private final SchedulerActivities watcher =
      Workflow.newActivityStub(
          SchedulerActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TASK_QUEUE)
              .setStartToCloseTimeout(SchedulerActivitiesImpl.WATCH_WINDOW.plusSeconds(10))
              .setRetryOptions(RETRY)
              .build());

  private final SchedulerState state;
  private final String namespace;
  private final String scheduleId;
  private final Map<String, Watch> watches = new LinkedHashMap<>();
  private final Set<String> endRequested = new HashSet<>();
  private boolean woken;

  /** A run being watched: the run, and the outcome of its current watch. */
  private record Watch(WorkflowExecution execution, Promise<RunOutcome> outcome) {}

  @WorkflowInit
  public SchedulerWorkflowImpl(
      DescribeScheduleResponse schedule, SchedulePatch initialPatch, SchedulerProgress progress) {
    long now = Workflow.currentTimeMillis();
    state = new SchedulerState(schedule, progress, now);
    state.applyPatch(initialPatch, now);
    namespace = Workflow.getInfo().getNamespace();
    scheduleId = Workflow.getInfo().getWorkflowId().substring(ID_PREFIX.length());
  }

  @Override
  public void run(
      DescribeScheduleResponse schedule, SchedulePatch initialPatch, SchedulerProgress progress) {
    while (true) {
      state.takeDueActions(Workflow.currentTimeMillis());
      startWhatIsAllowed();
      watchRunning();
      if (Workflow.getInfo().isContinueAsNewSuggested()
          || Workflow.getInfo().getHistoryLength() > MAX_HISTORY_LENGTH) {
        Workflow.continueAsNew(
            state.carried(), SchedulePatch.getDefaultInstance(), state.progress());
      }
      sleepUntilSomethingHappens();
      collectWatches();
    }
  }

  @Override
  public DescribeScheduleResponse describe() {
    return state.describe();
  }

  @Override
  public void patch(SchedulePatch patch) {
    state.applyPatch(patch, Workflow.currentTimeMillis());
    woken = true;
  }

  @Override
  public void update(UpdateScheduleRequest request) {
    state.applyUpdate(request, Workflow.currentTimeMillis());
    woken = true;
  }

  private void startWhatIsAllowed() {
    OverlapRules.Decision decision = state.planStarts();
    if (decision.cancelRunning() || decision.terminateRunning()) {
      endRunning(decision.terminateRunning());
    }
    for (BufferedStart start : decision.start()) {
      NewWorkflowExecutionInfo action = state.schedule().getAction().getStartWorkflow();
      String workflowId =
          ActionStarts.workflowId(
              action,
              state.schedule().getPolicies().getKeepOriginalWorkflowId(),
              start.nominalMillis());
      StartOutcome outcome =
          calls.startWorkflow(
              ActionStarts.request(
                  namespace,
                  scheduleId,
                  action,
                  workflowId,
                  start.nominalMillis(),
                  Workflow.randomUUID().toString()));
      if (outcome.started()) {
        state.recordStarted(
            start,
            WorkflowExecution.newBuilder()
                .setWorkflowId(workflowId)
                .setRunId(outcome.runId())
                .build(),
            Workflow.currentTimeMillis());
      } else {
        LOG.warn("schedule {}: {} not started: {}", scheduleId, workflowId, outcome.refusal());
      }
    }
  }

  private void endRunning(boolean terminate) {
    for (WorkflowExecution running : state.running()) {
      if (endRequested.add(running.getWorkflowId())) {
        if (terminate) {
          calls.terminateWorkflow(namespace, running, "terminated by schedule overlap policy");
        } else {
          calls.cancelWorkflow(namespace, running);
        }
      }
    }
  }

  private void watchRunning() {
    for (WorkflowExecution running : state.running()) {
      if (!watches.containsKey(running.getWorkflowId())) {
        watches.put(
            running.getWorkflowId(),
            new Watch(running, Async.function(watcher::awaitClose, namespace, running)));
      }
    }
  }

  private void sleepUntilSomethingHappens() {
    woken = false;
    OptionalLong next = state.nextActionTime();
    if (next.isEmpty()) {
      Workflow.await(() -> woken || aWatchEnded());
      return;
    }
    long wait = Math.max(1, next.getAsLong() - Workflow.currentTimeMillis());
    Workflow.await(Duration.ofMillis(wait), () -> woken || aWatchEnded());
  }

  private boolean aWatchEnded() {
    return watches.values().stream().anyMatch(watch -> watch.outcome().isCompleted());
  }

  private void collectWatches() {
    for (Map.Entry<String, Watch> entry : new ArrayList<>(watches.entrySet())) {
      Watch watch = entry.getValue();
      if (!watch.outcome().isCompleted()) {
        continue;
      }
      watches.remove(entry.getKey());
      RunOutcome outcome;
      try {
        outcome = watch.outcome().get();
      } catch (ActivityFailure e) {
        continue;
      }
      if (!outcome.closed()) {
        continue;
      }
      if (!outcome.nextRunId().isEmpty()) {
        state.recordContinued(watch.execution(), outcome.nextRunId());
      } else {
        state.recordClosed(watch.execution(), outcome.status(), Workflow.currentTimeMillis());
        endRequested.remove(entry.getKey());
      }
    }
  }
}
