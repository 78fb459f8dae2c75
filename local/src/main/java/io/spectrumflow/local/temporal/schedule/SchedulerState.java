package io.spectrumflow.local.temporal.schedule;

import io.spectrumflow.local.temporal.schedule.spec.ProtoDurations;
import io.spectrumflow.local.temporal.schedule.spec.SpecTimes;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.schedule.v1.BackfillRequest;
import io.temporal.api.schedule.v1.Schedule;
import io.temporal.api.schedule.v1.ScheduleActionResult;
import io.temporal.api.schedule.v1.ScheduleInfo;
import io.temporal.api.schedule.v1.SchedulePatch;
import io.temporal.api.schedule.v1.SchedulePolicies;
import io.temporal.api.schedule.v1.ScheduleState;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A schedule and what its scheduler knows (counts, running and recent workflows, buffered actions),
 * with the rules that change it. No Temporal calls: the scheduler workflow feeds it times and
 * outcomes, which keeps it deterministic and testable on its own.
 */
final class SchedulerState {

  static final int RECENT_ACTIONS = 10;
  static final int FUTURE_ACTION_TIMES = 10;

  /** The server's default catch-up window: a year. */
  static final long DEFAULT_CATCHUP_MILLIS = 365L * 24 * 3600 * 1000;

  /** The server's shortest catch-up window. */
  static final long MIN_CATCHUP_MILLIS = 10_000;

  /** Spec times taken at one wake-up, at most (a long-paused or late scheduler catches up). */
  private static final int MAX_TIMES_PER_WAKEUP = 1000;

  private final DescribeScheduleResponse.Builder schedule;
  private final List<BufferedStart> buffer;
  private long lastProcessedMillis;
  private SpecTimes times;

  SchedulerState(DescribeScheduleResponse described, SchedulerProgress progress, long nowMillis) {
    schedule = described.toBuilder();
    if (!schedule.getInfo().hasCreateTime()) {
      schedule.getInfoBuilder().setCreateTime(ProtoDurations.timestamp(nowMillis));
    }
    buffer = new ArrayList<>(progress.buffer());
    lastProcessedMillis =
        progress.lastProcessedMillis() > 0 ? progress.lastProcessedMillis() : nowMillis;
    times = SpecTimes.of(schedule.getSchedule().getSpec());
  }

  /** Buffers the spec times that have come, unless the schedule is paused or out of actions. */
  void takeDueActions(long nowMillis) {
    long catchup = catchupWindowMillis();
    for (long time : times.between(lastProcessedMillis, nowMillis, MAX_TIMES_PER_WAKEUP)) {
      if (nowMillis - time > catchup) {
        ScheduleInfo.Builder info = schedule.getInfoBuilder();
        info.setMissedCatchupWindow(info.getMissedCatchupWindow() + 1);
      } else if (takeScheduledAction()) {
        buffer.add(
            new BufferedStart(
                time, nowMillis, ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_UNSPECIFIED, false));
      }
    }
    lastProcessedMillis = Math.max(lastProcessedMillis, nowMillis);
  }

  void applyPatch(SchedulePatch patch, long nowMillis) {
    ScheduleState.Builder state = schedule.getScheduleBuilder().getStateBuilder();
    if (!patch.getPause().isEmpty()) {
      state.setPaused(true).setNotes(patch.getPause());
      changed(nowMillis);
    }
    if (!patch.getUnpause().isEmpty()) {
      state.setPaused(false).setNotes(patch.getUnpause());
      changed(nowMillis);
    }
    if (patch.hasTriggerImmediately()) {
      long nominal =
          patch.getTriggerImmediately().hasScheduledTime()
              ? ProtoDurations.epochMillis(patch.getTriggerImmediately().getScheduledTime())
              : nowMillis;
      buffer.add(
          new BufferedStart(
              nominal, nowMillis, patch.getTriggerImmediately().getOverlapPolicy(), true));
    }
    for (BackfillRequest backfill : patch.getBackfillRequestList()) {
      long from = ProtoDurations.epochMillis(backfill.getStartTime());
      long to = ProtoDurations.epochMillis(backfill.getEndTime());
      for (long time : times.between(from - 1, to, OverlapRules.MAX_BUFFER)) {
        buffer.add(new BufferedStart(time, nowMillis, backfill.getOverlapPolicy(), true));
      }
    }
  }

  /** Replaces the schedule (its spec already canonical) and, if given, its search attributes. */
  void applyUpdate(UpdateScheduleRequest request, long nowMillis) {
    schedule.setSchedule(request.getSchedule());
    if (request.hasSearchAttributes()) {
      schedule.setSearchAttributes(request.getSearchAttributes());
    }
    times = SpecTimes.of(schedule.getSchedule().getSpec());
    changed(nowMillis);
  }

  /** Decides what to start now, dropping or keeping the other buffered actions. */
  OverlapRules.Decision planStarts() {
    OverlapRules.Decision decision =
        OverlapRules.decide(
            buffer, !running().isEmpty(), schedule.getSchedule().getPolicies().getOverlapPolicy());
    buffer.clear();
    buffer.addAll(decision.keep());
    ScheduleInfo.Builder info = schedule.getInfoBuilder();
    info.setOverlapSkipped(info.getOverlapSkipped() + decision.skipped());
    info.setBufferDropped(info.getBufferDropped() + decision.dropped());
    return decision;
  }

  void recordStarted(BufferedStart start, WorkflowExecution execution, long actualMillis) {
    ScheduleInfo.Builder info = schedule.getInfoBuilder();
    info.setActionCount(info.getActionCount() + 1);
    info.addRunningWorkflows(execution);
    info.addRecentActions(
        ScheduleActionResult.newBuilder()
            .setScheduleTime(ProtoDurations.timestamp(start.nominalMillis()))
            .setActualTime(ProtoDurations.timestamp(actualMillis))
            .setStartWorkflowResult(execution)
            .setStartWorkflowStatus(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING));
    while (info.getRecentActionsCount() > RECENT_ACTIONS) {
      info.removeRecentActions(0);
    }
  }

  /** A workflow carried on in another run (continued as new, retried): watch that one. */
  void recordContinued(WorkflowExecution execution, String nextRunId) {
    ScheduleInfo.Builder info = schedule.getInfoBuilder();
    for (int i = 0; i < info.getRunningWorkflowsCount(); i++) {
      if (info.getRunningWorkflows(i).equals(execution)) {
        info.setRunningWorkflows(i, execution.toBuilder().setRunId(nextRunId));
      }
    }
  }

  /** A started workflow ended; with pause-on-failure, a failure or timeout pauses the schedule. */
  void recordClosed(WorkflowExecution execution, WorkflowExecutionStatus status, long nowMillis) {
    ScheduleInfo.Builder info = schedule.getInfoBuilder();
    for (int i = info.getRunningWorkflowsCount() - 1; i >= 0; i--) {
      if (info.getRunningWorkflows(i).getWorkflowId().equals(execution.getWorkflowId())) {
        info.removeRunningWorkflows(i);
      }
    }
    for (ScheduleActionResult.Builder action : info.getRecentActionsBuilderList()) {
      if (action.getStartWorkflowResult().getWorkflowId().equals(execution.getWorkflowId())) {
        action.setStartWorkflowStatus(status);
      }
    }
    boolean failed =
        status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED
            || status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TIMED_OUT;
    if (failed && schedule.getSchedule().getPolicies().getPauseOnFailure()) {
      schedule
          .getScheduleBuilder()
          .getStateBuilder()
          .setPaused(true)
          .setNotes("paused due to workflow failure: " + execution.getWorkflowId());
      changed(nowMillis);
    }
  }

  List<WorkflowExecution> running() {
    return List.copyOf(schedule.getInfo().getRunningWorkflowsList());
  }

  boolean hasBuffered() {
    return !buffer.isEmpty();
  }

  /** When the spec next fires, after what has been processed. */
  OptionalLong nextActionTime() {
    return times.nextAfter(lastProcessedMillis);
  }

  Schedule schedule() {
    return schedule.getSchedule();
  }

  /** The schedule as DescribeSchedule answers it. */
  DescribeScheduleResponse describe() {
    int count = FUTURE_ACTION_TIMES;
    ScheduleState state = schedule.getSchedule().getState();
    if (state.getLimitedActions()) {
      count = (int) Math.min(count, state.getRemainingActions());
    }
    DescribeScheduleResponse.Builder out = schedule.clone();
    out.getInfoBuilder()
        .clearFutureActionTimes()
        .setBufferSize(buffer.size())
        .addAllFutureActionTimes(
            times.next(lastProcessedMillis, count).stream()
                .map(ProtoDurations::timestamp)
                .toList());
    return out.build();
  }

  /** The schedule for the next run of the scheduler, without the derived fields. */
  DescribeScheduleResponse carried() {
    return schedule.build();
  }

  SchedulerProgress progress() {
    return new SchedulerProgress(lastProcessedMillis, List.copyOf(buffer));
  }

  private boolean takeScheduledAction() {
    ScheduleState.Builder state = schedule.getScheduleBuilder().getStateBuilder();
    if (state.getPaused()) {
      return false;
    }
    if (!state.getLimitedActions()) {
      return true;
    }
    if (state.getRemainingActions() <= 0) {
      return false;
    }
    state.setRemainingActions(state.getRemainingActions() - 1);
    return true;
  }

  private long catchupWindowMillis() {
    SchedulePolicies policies = schedule.getSchedule().getPolicies();
    return policies.hasCatchupWindow()
        ? Math.max(MIN_CATCHUP_MILLIS, ProtoDurations.toMillis(policies.getCatchupWindow()))
        : DEFAULT_CATCHUP_MILLIS;
  }

  private void changed(long nowMillis) {
    schedule.getInfoBuilder().setUpdateTime(ProtoDurations.timestamp(nowMillis));
    schedule.setConflictToken(ConflictToken.next(schedule.getConflictToken()));
  }
}
