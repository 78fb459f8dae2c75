package io.spectrumflow.local.temporal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.local.temporal.schedule.spec.ProtoDurations;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.schedule.v1.BackfillRequest;
import io.temporal.api.schedule.v1.IntervalSpec;
import io.temporal.api.schedule.v1.Schedule;
import io.temporal.api.schedule.v1.SchedulePatch;
import io.temporal.api.schedule.v1.SchedulePolicies;
import io.temporal.api.schedule.v1.ScheduleSpec;
import io.temporal.api.schedule.v1.ScheduleState;
import io.temporal.api.schedule.v1.TriggerImmediatelyRequest;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import org.junit.jupiter.api.Test;

class SchedulerStateTest {

  private static final long START = 1_800_000_000_000L;

  private static SchedulerState everyTenSeconds(ScheduleState state, SchedulePolicies policies) {
    Schedule schedule =
        Schedule.newBuilder()
            .setSpec(
                ScheduleSpec.newBuilder()
                    .addInterval(
                        IntervalSpec.newBuilder().setInterval(ProtoDurations.ofMillis(10_000))))
            .setState(state)
            .setPolicies(policies)
            .build();
    return new SchedulerState(
        DescribeScheduleResponse.newBuilder().setSchedule(schedule).build(),
        SchedulerProgress.NEW,
        START);
  }

  private static SchedulerState everyTenSeconds() {
    return everyTenSeconds(
        ScheduleState.getDefaultInstance(), SchedulePolicies.getDefaultInstance());
  }

  @Test
  void takesTheTimesThatHaveCome() {
    SchedulerState state = everyTenSeconds();
    state.takeDueActions(START + 25_000);

    assertThat(state.planStarts().start())
        .extracting(BufferedStart::nominalMillis)
        .containsExactly(START + 10_000);
    assertThat(state.describe().getInfo().getOverlapSkipped()).isEqualTo(1);
    assertThat(state.nextActionTime()).hasValue(START + 30_000);
    assertThat(state.describe().getInfo().getCreateTime())
        .isEqualTo(ProtoDurations.timestamp(START));
  }

  @Test
  void pausedAndExhaustedSchedulesTakeNothingButTriggersStillRun() {
    SchedulerState paused =
        everyTenSeconds(
            ScheduleState.newBuilder().setPaused(true).build(),
            SchedulePolicies.getDefaultInstance());
    paused.takeDueActions(START + 60_000);
    assertThat(paused.planStarts().start()).isEmpty();

    paused.applyPatch(
        SchedulePatch.newBuilder()
            .setTriggerImmediately(TriggerImmediatelyRequest.getDefaultInstance())
            .build(),
        START + 61_000);
    assertThat(paused.planStarts().start())
        .extracting(BufferedStart::nominalMillis)
        .containsExactly(START + 61_000);

    SchedulerState limited =
        everyTenSeconds(
            ScheduleState.newBuilder().setLimitedActions(true).setRemainingActions(1).build(),
            SchedulePolicies.newBuilder()
                .setOverlapPolicy(
                    io.temporal.api.enums.v1.ScheduleOverlapPolicy
                        .SCHEDULE_OVERLAP_POLICY_ALLOW_ALL)
                .build());
    assertThat(limited.describe().getInfo().getFutureActionTimesList()).hasSize(1);
    limited.takeDueActions(START + 30_000);
    assertThat(limited.planStarts().start()).hasSize(1);
    assertThat(limited.describe().getSchedule().getState().getRemainingActions()).isZero();
    assertThat(limited.describe().getInfo().getFutureActionTimesList()).isEmpty();
  }

  @Test
  void pauseAndUnpauseKeepTheirNotesAndChangeTheToken() {
    SchedulerState state = everyTenSeconds();
    var before = state.describe().getConflictToken();

    state.applyPatch(SchedulePatch.newBuilder().setPause("maintenance").build(), START + 1);
    assertThat(state.describe().getSchedule().getState().getPaused()).isTrue();
    assertThat(state.describe().getSchedule().getState().getNotes()).isEqualTo("maintenance");
    assertThat(state.describe().getConflictToken()).isNotEqualTo(before);

    state.applyPatch(SchedulePatch.newBuilder().setUnpause("done").build(), START + 2);
    assertThat(state.describe().getSchedule().getState().getPaused()).isFalse();
    assertThat(state.describe().getInfo().getUpdateTime())
        .isEqualTo(ProtoDurations.timestamp(START + 2));
  }

  @Test
  void backfillsTakeEveryTimeInTheRange() {
    SchedulerState state =
        everyTenSeconds(
            ScheduleState.getDefaultInstance(),
            SchedulePolicies.newBuilder()
                .setOverlapPolicy(
                    io.temporal.api.enums.v1.ScheduleOverlapPolicy
                        .SCHEDULE_OVERLAP_POLICY_BUFFER_ALL)
                .build());
    state.applyPatch(
        SchedulePatch.newBuilder()
            .addBackfillRequest(
                BackfillRequest.newBuilder()
                    .setStartTime(ProtoDurations.timestamp(START - 30_000))
                    .setEndTime(ProtoDurations.timestamp(START - 10_000)))
            .build(),
        START);

    OverlapRules.Decision decision = state.planStarts();
    assertThat(decision.start())
        .extracting(BufferedStart::nominalMillis)
        .containsExactly(START - 30_000);
    assertThat(decision.keep()).hasSize(2);
    assertThat(state.describe().getInfo().getBufferSize()).isEqualTo(2);
  }

  @Test
  void recordsRunsAndPausesOnFailureWhenAsked() {
    SchedulerState state =
        everyTenSeconds(
            ScheduleState.getDefaultInstance(),
            SchedulePolicies.newBuilder().setPauseOnFailure(true).build());
    state.takeDueActions(START + 10_000);
    BufferedStart start = state.planStarts().start().get(0);
    WorkflowExecution run =
        WorkflowExecution.newBuilder().setWorkflowId("wf").setRunId("r1").build();
    state.recordStarted(start, run, START + 10_050);
    assertThat(state.running()).containsExactly(run);
    assertThat(state.describe().getInfo().getActionCount()).isEqualTo(1);

    state.recordContinued(run, "r2");
    assertThat(state.running()).extracting(WorkflowExecution::getRunId).containsExactly("r2");

    state.recordClosed(
        run, WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED, START + 12_000);
    assertThat(state.running()).isEmpty();
    assertThat(state.describe().getInfo().getRecentActions(0).getStartWorkflowStatus())
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_FAILED);
    assertThat(state.describe().getSchedule().getState().getPaused()).isTrue();
    assertThat(state.describe().getSchedule().getState().getNotes()).contains("wf");
  }

  @Test
  void timesBeyondTheCatchupWindowAreMissed() {
    SchedulerState state =
        everyTenSeconds(
            ScheduleState.getDefaultInstance(),
            SchedulePolicies.newBuilder()
                .setCatchupWindow(ProtoDurations.ofMillis(15_000))
                .build());
    state.takeDueActions(START + 60_000);

    assertThat(state.describe().getInfo().getMissedCatchupWindow()).isEqualTo(4);
    assertThat(state.planStarts().start())
        .extracting(BufferedStart::nominalMillis)
        .containsExactly(START + 50_000);
  }
}
