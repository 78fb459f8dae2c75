package io.spectrumflow.workflows.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.slots.RunSlotsActivitiesImpl;
import io.spectrumflow.workflows.slots.RunSlotsState;
import io.spectrumflow.workflows.slots.RunSlotsWorkflow;
import io.spectrumflow.workflows.slots.RunSlotsWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A pipeline's maxConcurrentRuns, kept by its run slots even when runs come in a burst. */
@Timeout(120)
class ExportWorkflowRunSlotsTest {

  private static final String HOST_QUEUE = ExportTaskQueues.hostQueue("test-host");

  private TestWorkflowEnvironment env;
  private ConcurrencyRecording activities;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    activities = new ConcurrencyRecording();
    Worker shared = env.newWorker(ExportTaskQueues.EXPORT);
    shared.registerWorkflowImplementationTypes(
        ExportWorkflowImpl.class, RunSlotsWorkflowImpl.class);
    shared.registerActivitiesImplementations(activities, new RunSlotsActivitiesImpl());
    env.newWorker(HOST_QUEUE).registerActivitiesImplementations(activities);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private static PipelineSpec limitedTo(int runs) {
    return TestPipelines.events().withMaxConcurrentRuns(runs);
  }

  private WorkflowStub startRun(String batchId, PipelineSpec pipeline) {
    WorkflowStub stub =
        env.getWorkflowClient()
            .newUntypedWorkflowStub(
                ExportWorkflow.TYPE,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ExportWorkflowIds.of(pipeline.name(), batchId))
                    .setTaskQueue(ExportTaskQueues.EXPORT)
                    .build());
    stub.start(TestPipelines.request(batchId, pipeline));
    return stub;
  }

  @Test
  void aBurstOfTenRunsWithLimitTwoHasAtMostTwoInTheirStepsAndAllComplete() {
    List<WorkflowStub> runs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      runs.add(startRun("burst-" + i, limitedTo(2)));
    }

    List<ExportResult> results =
        runs.stream().map(run -> run.getResult(ExportResult.class)).toList();

    assertThat(results).hasSize(10).allSatisfy(r -> assertThat(r.rowsVerified()).isEqualTo(3));
    assertThat(activities.mostAtOnce.get()).isEqualTo(2);
    assertThat(results).allSatisfy(r -> assertThat(r.steps().get(0).step()).isEqualTo("queued"));
    assertThat(
            env.getWorkflowClient()
                .newWorkflowStub(RunSlotsWorkflow.class, RunSlotsWorkflow.id("events"))
                .state()
                .holding())
        .isEmpty();
  }

  @Test
  void aPipelineWithoutLimitIsNotQueued() {
    List<WorkflowStub> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(startRun("free-" + i, limitedTo(0)));
    }

    List<ExportResult> results =
        runs.stream().map(run -> run.getResult(ExportResult.class)).toList();

    assertThat(results)
        .allSatisfy(
            r -> assertThat(r.steps()).extracting(StepTiming::step).doesNotContain("queued"));
  }

  @Test
  void aCancelledWaitingRunLeavesTheQueueAndTheNextOneRuns() throws Exception {
    activities.hold("held");
    WorkflowStub holder = startRun("held", limitedTo(1));
    activities.awaitStarted("held");
    WorkflowStub waiting = startRun("waiting", limitedTo(1));
    WorkflowStub next = startRun("next", limitedTo(1));
    awaitWaiting(2);

    waiting.cancel();
    assertFailsCancelled(() -> waiting.getResult(ExportResult.class));
    awaitWaiting(1);
    activities.let("held");

    assertThat(holder.getResult(ExportResult.class).rowsVerified()).isEqualTo(3);
    assertThat(next.getResult(ExportResult.class).rowsVerified()).isEqualTo(3);
    assertThat(activities.dumped).doesNotContain("waiting");
  }

  @Test
  void theSlotOfATerminatedRunIsTakenBack() throws Exception {
    WorkflowClient.start(slots()::run, new RunSlotsState(0, List.of(), List.of(), 0, 1));
    activities.hold("killed");
    WorkflowStub killed = startRun("killed", limitedTo(1));
    activities.awaitStarted("killed");
    WorkflowStub waiting = startRun("after", limitedTo(1));
    awaitWaiting(1);

    killed.terminate("operator terminated it"); // no code of the run runs: no release
    activities.let("killed");

    assertThat(waiting.getResult(20, TimeUnit.SECONDS, ExportResult.class).rowsVerified())
        .isEqualTo(3);
  }

  @Test
  void theSlotsContinueAsNewAndKeepTheirQueue() {
    WorkflowClient client = env.getWorkflowClient();
    RunSlotsWorkflow slots = slots();
    WorkflowClient.start(slots::run, new RunSlotsState(0, List.of(), List.of(), 3, 0));
    String firstRun = WorkflowStub.fromTyped(slots).getExecution().getRunId();
    List<WorkflowStub> runs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      runs.add(startRun("long-" + i, limitedTo(2)));
    }

    runs.forEach(run -> run.getResult(ExportResult.class));

    assertThat(activities.mostAtOnce.get()).isEqualTo(2);
    String lastRun =
        client
            .newUntypedWorkflowStub(RunSlotsWorkflow.id("events"))
            .describe()
            .getExecution()
            .getRunId();
    assertThat(lastRun).isNotEqualTo(firstRun);
  }

  @Test
  void aQueuedRunReplaysFromItsHistory() throws Exception {
    activities.hold("first");
    WorkflowStub first = startRun("first", limitedTo(1));
    activities.awaitStarted("first");
    WorkflowStub queued = startRun("queued", limitedTo(1));
    awaitWaiting(1);
    activities.let("first");
    first.getResult(ExportResult.class);
    queued.getResult(ExportResult.class);

    WorkflowExecutionHistory history =
        env.getWorkflowClient().fetchHistory(queued.getExecution().getWorkflowId());
    WorkflowReplayer.replayWorkflowExecution(history, ExportWorkflowImpl.class);
    if (System.getProperty("record.history") != null) {
      Files.writeString(Path.of(System.getProperty("record.history")), history.toJson(true));
    }
  }

  private RunSlotsWorkflow slots() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            RunSlotsWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(RunSlotsWorkflow.id("events"))
                .setTaskQueue(ExportTaskQueues.EXPORT)
                .build());
  }

  private void awaitWaiting(int runs) throws InterruptedException {
    RunSlotsWorkflow slots =
        env.getWorkflowClient()
            .newWorkflowStub(RunSlotsWorkflow.class, RunSlotsWorkflow.id("events"));
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (slots.state().waiting().size() == runs) {
          return;
        }
      } catch (RuntimeException notStartedYet) {
        // the first request has not started the slots yet
      }
      Thread.sleep(50);
    }
    throw new AssertionError("never " + runs + " runs waiting: " + slots.state());
  }

  private static void assertFailsCancelled(ThrowableAssert.ThrowingCallable call) {
    org.assertj.core.api.Assertions.assertThatThrownBy(call)
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(CanceledFailure.class);
  }

  /**
   * Answers like {@link RecordingActivities}, takes a little time in dump and verify, and counts
   * how many runs are between the start of their dump and the end of their verify at once.
   */
  static final class ConcurrencyRecording extends RecordingActivities {
    final AtomicInteger inSteps = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final Set<String> dumped = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CountDownLatch> started = new ConcurrentHashMap<>();

    ConcurrencyRecording() {
      super(HOST_QUEUE);
    }

    void hold(String batchId) {
      gates.put(batchId, new CountDownLatch(1));
      started.put(batchId, new CountDownLatch(1));
    }

    void let(String batchId) {
      gates.get(batchId).countDown();
    }

    void awaitStarted(String batchId) throws InterruptedException {
      assertThat(started.get(batchId).await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Override
    public DumpResult dumpParquet(DumpRequest request) {
      mostAtOnce.accumulateAndGet(inSteps.incrementAndGet(), Math::max);
      dumped.add(request.batchId());
      CountDownLatch start = started.get(request.batchId());
      if (start != null) {
        start.countDown();
        await(gates.get(request.batchId()));
      }
      pause();
      return super.dumpParquet(request);
    }

    @Override
    public CountResult countRows(CountRequest request) {
      pause();
      CountResult counted = super.countRows(request);
      inSteps.decrementAndGet();
      return counted;
    }

    private static void await(CountDownLatch gate) {
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static void pause() {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
