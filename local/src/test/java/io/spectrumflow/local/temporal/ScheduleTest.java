package io.spectrumflow.local.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.api.workflowservice.v1.DescribeScheduleRequest;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import io.temporal.api.workflowservice.v1.ListScheduleMatchingTimesRequest;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import io.temporal.client.WorkflowExecutionMetadata;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleBackfill;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleException;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleListDescription;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import io.temporal.client.schedules.ScheduleUpdate;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schedules through the SDK's {@code ScheduleClient}, firing runs of {@link GreetingWorkflow}. */
class ScheduleTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final SearchAttributeKey<OffsetDateTime> SCHEDULED_START =
      SearchAttributeKey.forOffsetDateTime("TemporalScheduledStartTime");
  private static final SearchAttributeKey<String> SCHEDULED_BY =
      SearchAttributeKey.forKeyword("TemporalScheduledById");

  private static TemporalFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new TemporalFixture();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static Schedule.Builder greetEvery(Duration interval, String workflowId, String name) {
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(GreetingWorkflow.class)
                .setArguments(name)
                .setOptions(
                    WorkflowOptions.newBuilder()
                        .setWorkflowId(workflowId)
                        .setTaskQueue(GreetingWorkflow.TASK_QUEUE)
                        .setTypedSearchAttributes(
                            SearchAttributes.newBuilder()
                                .set(ExportSearchAttributes.PIPELINE, "scheduled")
                                .build())
                        .build())
                .build())
        .setSpec(
            ScheduleSpec.newBuilder()
                .setIntervals(List.of(new ScheduleIntervalSpec(interval)))
                .build());
  }

  private static ScheduleHandle create(String id, Schedule schedule) {
    return fixture.schedules.createSchedule(id, schedule, ScheduleOptions.newBuilder().build());
  }

  private static List<WorkflowExecutionMetadata> runsOf(String scheduleId) {
    return fixture
        .client
        .listExecutions("TemporalScheduledById = '" + scheduleId + "' ORDER BY StartTime ASC")
        .toList();
  }

  @Test
  void anIntervalFiresRunsWithTheServersIdsAndTheActionsInput() {
    ScheduleHandle handle =
        create("every-second", greetEvery(Duration.ofSeconds(1), "tick", "sched").build());
    try {
      TemporalFixture.await(
          "two actions", WAIT, () -> handle.describe().getInfo().getNumActions() >= 2);

      List<WorkflowExecutionMetadata> runs = runsOf("every-second");
      assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
      for (WorkflowExecutionMetadata run : runs) {
        String id = run.getExecution().getWorkflowId();
        assertThat(id).matches("tick-\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        Instant nominal = Instant.parse(id.substring("tick-".length()));
        assertThat(run.getTypedSearchAttributes().get(SCHEDULED_START).toInstant())
            .isEqualTo(nominal);
        assertThat(run.getTypedSearchAttributes().get(SCHEDULED_BY)).isEqualTo("every-second");
        assertThat(run.getTypedSearchAttributes().get(ExportSearchAttributes.PIPELINE))
            .isEqualTo("scheduled");
        assertThat(fixture.client.newUntypedWorkflowStub(id).getResult(String.class))
            .isEqualTo("Hello sched");
      }
      ScheduleDescription description = handle.describe();
      assertThat(description.getInfo().getRecentActions()).isNotEmpty();
      assertThat(description.getInfo().getCreatedAt()).isBefore(Instant.now());
      List<Instant> next = description.getInfo().getNextActionTimes();
      assertThat(next).hasSize(10);
      assertThat(Duration.between(next.get(0), next.get(1))).isEqualTo(Duration.ofSeconds(1));
    } finally {
      handle.delete();
    }
  }

  @Test
  void aPausedScheduleStartsNothingUntilUnpaused() throws InterruptedException {
    ScheduleHandle handle =
        create(
            "paused",
            greetEvery(Duration.ofSeconds(1), "paused-run", "p")
                .setState(ScheduleState.newBuilder().setPaused(true).setNote("not yet").build())
                .build());
    try {
      Thread.sleep(2500);
      ScheduleDescription paused = handle.describe();
      assertThat(paused.getInfo().getNumActions()).isZero();
      assertThat(paused.getSchedule().getState().isPaused()).isTrue();
      assertThat(paused.getSchedule().getState().getNote()).isEqualTo("not yet");

      handle.unpause("go");
      assertThat(handle.describe().getSchedule().getState().getNote()).isEqualTo("go");
      TemporalFixture.await(
          "an action", WAIT, () -> handle.describe().getInfo().getNumActions() >= 1);

      handle.pause("stop");
      assertThat(handle.describe().getSchedule().getState().isPaused()).isTrue();
      // A start already on its way when the pause arrived may still land.
      Thread.sleep(1500);
      long settled = handle.describe().getInfo().getNumActions();
      Thread.sleep(2500);
      assertThat(handle.describe().getInfo().getNumActions()).isEqualTo(settled);
    } finally {
      handle.delete();
    }
  }

  @Test
  void triggerStartsARunAtOnceEvenWhenPaused() {
    ScheduleHandle handle =
        create(
            "triggered",
            greetEvery(Duration.ofHours(1), "manual", "now")
                .setState(ScheduleState.newBuilder().setPaused(true).build())
                .build());
    try {
      Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      handle.trigger();

      TemporalFixture.await(
          "the triggered run", WAIT, () -> handle.describe().getInfo().getNumActions() == 1);
      ScheduleActionExecutionStartWorkflow action =
          (ScheduleActionExecutionStartWorkflow)
              handle.describe().getInfo().getRecentActions().get(0).getAction();
      assertThat(Instant.parse(action.getWorkflowId().substring("manual-".length())))
          .isBetween(before, Instant.now());
      assertThat(
              fixture.client.newUntypedWorkflowStub(action.getWorkflowId()).getResult(String.class))
          .isEqualTo("Hello now");
    } finally {
      handle.delete();
    }
  }

  @Test
  void overlapSkipNeverRunsTwoAtOnce() {
    ScheduleHandle handle =
        create(
            "skipping",
            greetEvery(Duration.ofSeconds(1), "long", "hold")
                .setPolicy(
                    SchedulePolicy.newBuilder()
                        .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                        .build())
                .build());
    try {
      TemporalFixture.await(
          "skipped actions",
          WAIT,
          () -> {
            ScheduleDescription description = handle.describe();
            assertThat(description.getInfo().getRunningActions()).hasSizeLessThanOrEqualTo(1);
            assertThat(
                    fixture
                        .client
                        .countWorkflows(
                            "TemporalScheduledById = 'skipping' AND ExecutionStatus = 'Running'")
                        .getCount())
                .isLessThanOrEqualTo(1);
            return description.getInfo().getNumActionsSkippedOverlap() >= 2;
          });
      ScheduleDescription description = handle.describe();
      assertThat(description.getInfo().getNumActions()).isEqualTo(1);
      String running =
          ((ScheduleActionExecutionStartWorkflow) description.getInfo().getRunningActions().get(0))
              .getWorkflowId();

      fixture.client.newWorkflowStub(GreetingWorkflow.class, running).release();
      TemporalFixture.await(
          "the next action after the first run ended",
          WAIT,
          () -> handle.describe().getInfo().getNumActions() == 2);
    } finally {
      handle.pause();
      handle.delete();
      releaseAll("skipping");
    }
  }

  @Test
  void overlapBufferOneStartsTheBufferedActionWhenTheRunEnds() {
    ScheduleHandle handle =
        create(
            "buffering",
            greetEvery(Duration.ofSeconds(1), "buffered", "hold")
                .setPolicy(
                    SchedulePolicy.newBuilder()
                        .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE)
                        .build())
                .build());
    try {
      TemporalFixture.await(
          "a buffered and a skipped action",
          WAIT,
          () -> handle.describe().getInfo().getNumActionsSkippedOverlap() >= 1);
      assertThat(rawDescribe("buffering").getInfo().getBufferSize()).isEqualTo(1);
      handle.pause();

      releaseAll("buffering");
      TemporalFixture.await(
          "the buffered action", WAIT, () -> handle.describe().getInfo().getNumActions() == 2);
      assertThat(rawDescribe("buffering").getInfo().getBufferSize()).isZero();
    } finally {
      handle.delete();
      releaseAll("buffering");
    }
  }

  @Test
  void overlapTerminateOtherEndsTheRunningWorkflowForTheNext() {
    ScheduleHandle handle =
        create(
            "terminating",
            greetEvery(Duration.ofSeconds(1), "replaced", "hold")
                .setPolicy(
                    SchedulePolicy.newBuilder()
                        .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER)
                        .build())
                .build());
    try {
      TemporalFixture.await(
          "runs replacing each other",
          WAIT,
          () ->
              fixture
                      .client
                      .countWorkflows(
                          "TemporalScheduledById = 'terminating' AND ExecutionStatus = 'Terminated'")
                      .getCount()
                  >= 2);
      handle.pause();
      assertThat(handle.describe().getInfo().getRunningActions()).hasSizeLessThanOrEqualTo(1);
    } finally {
      handle.delete();
      releaseAll("terminating");
    }
  }

  @Test
  void allowAllBackfillStartsEveryMatchingTime() {
    ScheduleHandle handle =
        create(
            "backfilled",
            greetEvery(Duration.ofMinutes(1), "backfill", "past")
                .setState(ScheduleState.newBuilder().setPaused(true).build())
                .build());
    try {
      Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
      Instant start = end.minus(Duration.ofMinutes(2));
      handle.backfill(
          List.of(
              new ScheduleBackfill(
                  start, end, ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL)));

      TemporalFixture.await(
          "three backfilled runs", WAIT, () -> handle.describe().getInfo().getNumActions() == 3);
      assertThat(runsOf("backfilled"))
          .extracting(run -> run.getExecution().getWorkflowId())
          .containsExactlyInAnyOrder(
              "backfill-" + start,
              "backfill-" + start.plus(Duration.ofMinutes(1)),
              "backfill-" + end);
    } finally {
      handle.delete();
    }
  }

  @Test
  void describeListUpdateAndDelete() {
    ScheduleHandle first =
        fixture.schedules.createSchedule(
            "listed-1",
            greetEvery(Duration.ofHours(1), "listed", "x")
                .setState(ScheduleState.newBuilder().setPaused(true).build())
                .build(),
            ScheduleOptions.newBuilder()
                .setMemo(Map.of("owner", "ops"))
                .setTypedSearchAttributes(
                    SearchAttributes.newBuilder()
                        .set(ExportSearchAttributes.PIPELINE, "events")
                        .build())
                .build());
    ScheduleHandle second =
        create("listed-2", greetEvery(Duration.ofHours(2), "listed-two", "y").build());

    ScheduleDescription described = first.describe();
    assertThat(described.getMemo("owner", String.class)).isEqualTo("ops");
    assertThat(described.getTypedSearchAttributes().get(ExportSearchAttributes.PIPELINE))
        .isEqualTo("events");
    assertThat(described.getSchedule().getSpec().getIntervals())
        .extracting(ScheduleIntervalSpec::getEvery)
        .containsExactly(Duration.ofHours(1));
    ScheduleActionStartWorkflow action =
        (ScheduleActionStartWorkflow) described.getSchedule().getAction();
    assertThat(action.getWorkflowType()).isEqualTo("GreetingWorkflow");
    assertThat(action.getOptions().getWorkflowId()).isEqualTo("listed");

    assertThat(fixture.schedules.listSchedules().map(ScheduleListDescription::getScheduleId))
        .contains("listed-1", "listed-2");
    List<ScheduleListDescription> events =
        fixture.schedules.listSchedules("SpectrumflowPipeline = 'events'", 10).toList();
    assertThat(events)
        .extracting(ScheduleListDescription::getScheduleId)
        .containsExactly("listed-1");
    assertThat(events.get(0).getSchedule().getState().isPaused()).isTrue();

    first.update(
        input ->
            new ScheduleUpdate(
                Schedule.newBuilder(input.getDescription().getSchedule())
                    .setSpec(
                        ScheduleSpec.newBuilder()
                            .setIntervals(List.of(new ScheduleIntervalSpec(Duration.ofMinutes(30))))
                            .build())
                    .build()));
    ScheduleDescription updated = first.describe();
    assertThat(updated.getSchedule().getSpec().getIntervals())
        .extracting(ScheduleIntervalSpec::getEvery)
        .containsExactly(Duration.ofMinutes(30));
    assertThat(updated.getInfo().getLastUpdatedAt()).isNotNull();

    first.delete();
    second.delete();
    assertThat(fixture.schedules.listSchedules().map(ScheduleListDescription::getScheduleId))
        .doesNotContain("listed-1", "listed-2");
    assertThat(fixture.client.listExecutions("WorkflowType = 'temporal-sys-scheduler-workflow'"))
        .isEmpty();
  }

  @Test
  void cronSpecsAreStoredAsCalendarsAndMatchTimes() {
    ScheduleHandle handle =
        create(
            "cron",
            greetEvery(Duration.ofHours(1), "cron", "c")
                .setSpec(
                    ScheduleSpec.newBuilder()
                        .setCronExpressions(List.of("*/2 * * * * * *"))
                        .build())
                .setState(ScheduleState.newBuilder().setPaused(true).build())
                .build());
    try {
      ScheduleDescription described = handle.describe();
      assertThat(described.getSchedule().getSpec().getCronExpressions()).isEmpty();
      assertThat(described.getSchedule().getSpec().getCalendars()).hasSize(1);
      List<Instant> next = described.getInfo().getNextActionTimes();
      assertThat(next).allSatisfy(time -> assertThat(time.getEpochSecond() % 2).isZero());
      assertThat(Duration.between(next.get(0), next.get(1))).isEqualTo(Duration.ofSeconds(2));

      Instant from = Instant.parse("2030-01-01T00:00:00Z");
      var matching =
          fixture
              .service
              .blockingStub()
              .listScheduleMatchingTimes(
                  ListScheduleMatchingTimesRequest.newBuilder()
                      .setNamespace("default")
                      .setScheduleId("cron")
                      .setStartTime(Timestamp.newBuilder().setSeconds(from.getEpochSecond()))
                      .setEndTime(Timestamp.newBuilder().setSeconds(from.getEpochSecond() + 10))
                      .build());
      assertThat(matching.getStartTimeList())
          .extracting(Timestamp::getSeconds)
          .containsExactly(
              from.getEpochSecond() + 2,
              from.getEpochSecond() + 4,
              from.getEpochSecond() + 6,
              from.getEpochSecond() + 8,
              from.getEpochSecond() + 10);
    } finally {
      handle.delete();
    }

    assertThatThrownBy(
            () ->
                create(
                    "bad-cron",
                    greetEvery(Duration.ofHours(1), "bad", "b")
                        .setSpec(
                            ScheduleSpec.newBuilder()
                                .setCronExpressions(List.of("every tuesday"))
                                .build())
                        .build()))
        .isInstanceOf(ScheduleException.class)
        .satisfies(e -> assertThat(status(e)).isEqualTo(Status.Code.INVALID_ARGUMENT));
  }

  @Test
  void conflictsAndUnknownIdsAreTheSdksExceptions() {
    ScheduleHandle handle =
        create(
            "twice",
            greetEvery(Duration.ofHours(1), "twice", "t")
                .setState(ScheduleState.newBuilder().setPaused(true).build())
                .build());
    try {
      assertThatThrownBy(
              () -> create("twice", greetEvery(Duration.ofHours(1), "twice", "t").build()))
          .isInstanceOf(ScheduleAlreadyRunningException.class);
      DescribeScheduleResponse current = rawDescribe("twice");
      assertThatThrownBy(
              () ->
                  fixture
                      .service
                      .blockingStub()
                      .updateSchedule(
                          UpdateScheduleRequest.newBuilder()
                              .setNamespace("default")
                              .setScheduleId("twice")
                              .setSchedule(current.getSchedule())
                              .setConflictToken(ByteString.copyFromUtf8("stale"))
                              .build()))
          .satisfies(e -> assertThat(status(e)).isEqualTo(Status.Code.FAILED_PRECONDITION));
    } finally {
      handle.delete();
    }

    ScheduleHandle unknown = fixture.schedules.getHandle("nobody");
    assertThatThrownBy(unknown::describe)
        .isInstanceOf(ScheduleException.class)
        .satisfies(e -> assertThat(status(e)).isEqualTo(Status.Code.NOT_FOUND));
    assertThatThrownBy(unknown::delete)
        .isInstanceOf(ScheduleException.class)
        .satisfies(e -> assertThat(status(e)).isEqualTo(Status.Code.NOT_FOUND));
    assertThatThrownBy(() -> unknown.pause("x"))
        .satisfies(e -> assertThat(status(e)).isEqualTo(Status.Code.NOT_FOUND));
    // Deleted schedules are gone, and their id can be used again.
    assertThatThrownBy(handle::describe)
        .satisfies(e -> assertThat(status(e)).isEqualTo(Status.Code.NOT_FOUND));
    create("twice", greetEvery(Duration.ofHours(1), "twice", "t").build()).delete();
  }

  private static DescribeScheduleResponse rawDescribe(String id) {
    return fixture
        .service
        .blockingStub()
        .describeSchedule(
            DescribeScheduleRequest.newBuilder().setNamespace("default").setScheduleId(id).build());
  }

  private static void releaseAll(String scheduleId) {
    for (WorkflowExecutionMetadata run :
        fixture
            .client
            .listExecutions(
                "TemporalScheduledById = '" + scheduleId + "' AND ExecutionStatus = 'Running'")
            .toList()) {
      fixture
          .client
          .newWorkflowStub(GreetingWorkflow.class, run.getExecution().getWorkflowId())
          .release();
    }
  }

  private static Status.Code status(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException status) {
        return status.getStatus().getCode();
      }
    }
    throw new AssertionError("no gRPC status in " + e, e);
  }
}
