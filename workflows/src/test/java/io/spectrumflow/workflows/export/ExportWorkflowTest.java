package io.spectrumflow.workflows.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class ExportWorkflowTest {

  private static final String HOST_QUEUE = ExportTaskQueues.hostQueue("test-host");

  private TestWorkflowEnvironment env;
  private RecordingActivities activities;

  @BeforeEach
  void startEnvironment() {
    env = TestWorkflowEnvironment.newInstance();
  }

  @AfterEach
  void stopEnvironment() {
    env.close();
  }

  private void startWorkers(RecordingActivities recording) {
    activities = recording;
    Worker shared = env.newWorker(ExportTaskQueues.EXPORT);
    // The test server does not skip time past a schedule-to-start timeout, so the wait for a gone
    // host is shortened the way a deployment would tune it.
    shared.registerWorkflowImplementationTypes(
        WorkflowImplementationOptions.newBuilder()
            .setActivityOptions(
                Map.of(
                    "UploadPartitions",
                    ActivityOptions.newBuilder()
                        .setScheduleToStartTimeout(Duration.ofSeconds(2))
                        .build()))
            .build(),
        ExportWorkflowImpl.class);
    shared.registerActivitiesImplementations(recording);
    Worker host = env.newWorker(HOST_QUEUE);
    host.registerActivitiesImplementations(recording);
    env.start();
  }

  private ExportWorkflow workflow(String batchId) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            ExportWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ExportWorkflowIds.of("events", batchId))
                .setTaskQueue(ExportTaskQueues.EXPORT)
                .build());
  }

  @Test
  void runsEveryStepInOrderAndReportsWhatItDid() {
    startWorkers(new RecordingActivities(HOST_QUEUE));
    ExportWorkflow workflow = workflow("b1");

    ExportResult result = workflow.export(TestPipelines.request("b1"));

    assertThat(activities.calls).containsExactly("dump", "upload", "catalog", "ddl", "verify");
    assertThat(result.rowsWritten()).isEqualTo(3);
    assertThat(result.rowsVerified()).isEqualTo(3);
    assertThat(result.files()).isEqualTo(2);
    assertThat(result.bytes()).isEqualTo(250);
    assertThat(result.partitions()).containsExactly("2026-11-23", "2026-11-24");
    assertThat(result.s3Keys())
        .containsExactly(
            "s3://lake/exports/events/date=2026-11-23/b1-00000.parquet",
            "s3://lake/exports/events/date=2026-11-24/b1-00000.parquet");
    assertThat(result.glueDatabase()).isEqualTo("spectrumflow");
    assertThat(result.glueTable()).isEqualTo("events");
    assertThat(result.ddl()).startsWith("CREATE EXTERNAL SCHEMA");
    assertThat(result.steps())
        .extracting(StepTiming::step)
        .containsExactly("dump", "upload", "catalog", "ddl", "verify");
    assertThat(workflow.progress())
        .satisfies(
            p -> {
              assertThat(p.step()).isEqualTo("done");
              assertThat(p.rows()).isEqualTo(3);
              assertThat(p.files()).isEqualTo(2);
              assertThat(p.bytes()).isEqualTo(250);
            });
  }

  @Test
  void crawlerModeCrawlsThenAdoptsTheCrawledTable() {
    startWorkers(new RecordingActivities(HOST_QUEUE));

    ExportResult result =
        workflow("c1").export(TestPipelines.request("c1", TestPipelines.crawled()));

    assertThat(activities.calls)
        .containsExactly("dump", "upload", "crawl", "adopt", "ddl", "verify");
    assertThat(result.rowsVerified()).isEqualTo(3);
  }

  @Test
  void replaceModeRemovesTheReplacedVersionAfterTheGracePeriod() {
    startWorkers(new RecordingActivities(HOST_QUEUE));
    ExportWorkflow workflow = workflow("r1");

    ExportResult result = workflow.export(TestPipelines.request("r1", TestPipelines.replacing()));

    assertThat(activities.calls)
        .containsExactly(
            "dump",
            "upload",
            "catalog",
            "ddl",
            "verify",
            "prune [s3://lake/exports/events/date=2026-11-24/batch=old/] keep"
                + " [s3://lake/exports/events/date=2026-11-23/,"
                + " s3://lake/exports/events/date=2026-11-24/]");
    assertThat(result.steps())
        .filteredOn(s -> s.step().equals("cleanup"))
        .singleElement()
        .satisfies(s -> assertThat(s.millis()).isGreaterThanOrEqualTo(3_600_000));
  }

  @Test
  void aFailedCrawlFailsTheRunWithGluesMessage() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.crawlFailure =
        ApplicationFailure.newNonRetryableFailure(
            "crawler spectrumflow-events: last crawl FAILED: Internal Service Exception",
            ExportFailures.CRAWL_FAILED);
    startWorkers(recording);

    assertThatThrownBy(
            () -> workflow("c2").export(TestPipelines.request("c2", TestPipelines.crawled())))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ExportFailures.CRAWL_FAILED);
              assertThat(failure.getOriginalMessage())
                  .isEqualTo(
                      "catalog: crawler spectrumflow-events: last crawl FAILED: Internal Service"
                          + " Exception");
            });
    assertThat(activities.calls)
        .containsExactly("dump", "upload", "crawl", "remove batch c2 [2026-11-23, 2026-11-24]");
  }

  @Test
  void aBatchOfManyInputsIsDumpedInChunksWithOneSchemaThenCatalogedOnce() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.countAnswer = 9;
    startWorkers(recording);
    ExportRequest one = TestPipelines.request("f1");
    ExportRequest many =
        new ExportRequest(
            "f1",
            one.pipeline(),
            List.of("s3://staging/a.json", "s3://staging/b.json", "s3://staging/c.json"),
            one.batchTime());

    ExportResult result = workflow("f1").export(many);

    assertThat(activities.calls.subList(0, 3))
        .containsExactlyInAnyOrder("infer 0", "infer 1", "infer 2");
    assertThat(activities.calls.stream().filter("dump"::equals)).hasSize(3);
    assertThat(activities.calls.stream().filter("upload"::equals)).hasSize(3);
    assertThat(activities.calls).endsWith("catalog", "ddl", "verify");
    assertThat(activities.dumpRequests)
        .allSatisfy(
            r ->
                assertThat(r.pipeline().schema())
                    .extracting(c -> c.name() + " " + c.type() + " " + c.field())
                    .containsExactly("id BIGINT id", "amount DOUBLE Amount"))
        .extracting(DumpRequest::chunk)
        .containsExactlyInAnyOrder(0, 1, 2);
    assertThat(result.rowsWritten()).isEqualTo(9);
    assertThat(result.files()).isEqualTo(6);
    assertThat(result.s3Keys()).doesNotHaveDuplicates().hasSize(6);
    assertThat(result.steps())
        .extracting(StepTiming::step)
        .containsExactly("infer", "dump+upload", "catalog", "ddl", "verify");
  }

  @Test
  void retriesATransientActivityFailure() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.catalogFailuresLeft.set(2);
    startWorkers(recording);

    ExportResult result = workflow("b2").export(TestPipelines.request("b2"));

    assertThat(result.rowsVerified()).isEqualTo(3);
    assertThat(activities.calls.stream().filter("catalog"::equals)).hasSize(3);
  }

  @Test
  void aTransientUploadFailureIsRetriedOnTheSameHostWithoutDumpingAgain() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.uploadFailuresLeft.set(2);
    startWorkers(recording);

    ExportResult result = workflow("u1").export(TestPipelines.request("u1"));

    assertThat(result.rowsVerified()).isEqualTo(3);
    assertThat(activities.calls)
        .containsExactly("dump", "upload", "upload", "upload", "catalog", "ddl", "verify");
  }

  @Test
  void badInputFailsTheRunAtOnceWithTheDumpsMessage() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.dumpFailure =
        ApplicationFailure.newNonRetryableFailure(
            "record 7 (line 9), column 'amount': expected a number, found 'abc'",
            ExportFailures.BAD_INPUT);
    startWorkers(recording);

    assertThatThrownBy(() -> workflow("b3").export(TestPipelines.request("b3")))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ExportFailures.BAD_INPUT);
              assertThat(failure.getOriginalMessage())
                  .isEqualTo(
                      "dump: record 7 (line 9), column 'amount': expected a number, found 'abc'");
            });
    assertThat(activities.calls).containsExactly("dump");
  }

  @Test
  void aFailedRunAlertsItsWebhookOnceWithTheFailedStep() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.countAnswer = 1;
    startWorkers(recording);

    assertFails("a1", TestPipelines.alerting());

    assertThat(recording.alertsSent)
        .singleElement()
        .satisfies(
            alert -> {
              assertThat(alert.webhook()).isEqualTo("https://hooks.example.com/spectrumflow");
              assertThat(alert.pipeline()).isEqualTo("events");
              assertThat(alert.batchId()).isEqualTo("a1");
              assertThat(alert.workflowId()).isEqualTo(ExportWorkflowIds.of("events", "a1"));
              assertThat(alert.step()).isEqualTo("verify");
              assertThat(alert.message()).contains("counts 1 rows");
            });
  }

  @Test
  void aRunThatSucceedsAfterRetriesDoesNotAlert() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.catalogFailuresLeft.set(1);
    startWorkers(recording);

    workflow("a2").export(TestPipelines.request("a2", TestPipelines.alerting()));

    assertThat(recording.alertsSent).isEmpty();
  }

  @Test
  void runsStartedWithSearchAttributesRecordTheirDatesAndRows() {
    ExportSearchAttributesRegistration.register(env);
    startWorkers(new RecordingActivities(HOST_QUEUE));
    ExportWorkflow workflow =
        env.getWorkflowClient()
            .newWorkflowStub(
                ExportWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ExportWorkflowIds.of("events", "s1"))
                    .setTaskQueue(ExportTaskQueues.EXPORT)
                    .setTypedSearchAttributes(
                        io.temporal.common.SearchAttributes.newBuilder()
                            .set(ExportSearchAttributes.PIPELINE, "events")
                            .set(ExportSearchAttributes.BATCH_ID, "s1")
                            .build())
                    .build());

    workflow.export(TestPipelines.request("s1"));

    io.temporal.common.SearchAttributes attributes =
        WorkflowStub.fromTyped(workflow).describe().getTypedSearchAttributes();
    assertThat(attributes.get(ExportSearchAttributes.PARTITION_DATES))
        .containsExactly("2026-11-23", "2026-11-24");
    assertThat(attributes.get(ExportSearchAttributes.ROWS)).isEqualTo(3L);
    assertThat(attributes.get(ExportSearchAttributes.PIPELINE)).isEqualTo("events");
  }

  @Test
  void aCountThatDiffersFailsWithBothNumbers() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.countAnswer = 2;
    startWorkers(recording);
    ExportWorkflow workflow = workflow("b4");

    assertThatThrownBy(() -> workflow.export(TestPipelines.request("b4")))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ExportFailures.VERIFICATION_FAILED);
              assertThat(failure.getOriginalMessage()).contains("counts 2 rows", "3 were written");
            });
    assertThat(workflow.progress().step()).isEqualTo("failed");
    assertThat(activities.calls).endsWith("verify", "remove batch b4 [2026-11-23, 2026-11-24]");
  }

  @Test
  void aReplacingRunThatFailsSwitchesItsPartitionsBackAndRemovesItsObjects() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.countAnswer = 0;
    startWorkers(recording);

    assertFails("r2", TestPipelines.replacing());

    assertThat(activities.calls)
        .containsExactly(
            "dump",
            "upload",
            "catalog",
            "ddl",
            "verify",
            "undo switch r2 [2026-11-23, 2026-11-24]",
            "remove batch r2 [2026-11-23, 2026-11-24]");
  }

  @Test
  void aReplacingRunWhoseCatalogStepFailsHalfwayStillUndoesItsSwitches() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.catalogFailuresLeft.set(Integer.MAX_VALUE);
    startWorkers(recording);

    assertFails("r3", TestPipelines.replacing());

    assertThat(activities.calls)
        .endsWith(
            "catalog",
            "undo switch r3 [2026-11-23, 2026-11-24]",
            "remove batch r3 [2026-11-23," + " 2026-11-24]");
  }

  @Test
  void aFailedRerunKeepsTheObjectsAnEarlierRunOfTheBatchSwitchedTo() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.countAnswer = 0;
    recording.undoAnswer =
        new UndoSwitchResult(List.of("2026-11-24"), List.of(), List.of("2026-11-23"));
    startWorkers(recording);

    assertFails("r4", TestPipelines.replacing());

    assertThat(activities.calls)
        .endsWith("undo switch r4 [2026-11-23, 2026-11-24]", "remove batch r4 [2026-11-24]");
  }

  @Test
  void aCleanupThatFailsAfterTheVerifiedSwitchLeavesTheRunDone() {
    RecordingActivities recording = new RecordingActivities(HOST_QUEUE);
    recording.pruneFailure =
        ApplicationFailure.newNonRetryableFailure("Access Denied", "AwsCallFailed");
    startWorkers(recording);
    ExportWorkflow workflow = workflow("r5");

    ExportResult result = workflow.export(TestPipelines.request("r5", TestPipelines.replacing()));

    assertThat(result.rowsVerified()).isEqualTo(3);
    assertThat(workflow.progress().step()).isEqualTo("done");
    assertThat(activities.calls).last().asString().startsWith("prune ");
  }

  @Test
  void theSameBatchSubmittedTwiceIsOneRun() {
    startWorkers(new RecordingActivities(HOST_QUEUE));
    ExportWorkflow first = workflow("b5");
    WorkflowClient.start(first::export, TestPipelines.request("b5"));
    ExportWorkflow second = workflow("b5");

    assertThatThrownBy(() -> WorkflowClient.start(second::export, TestPipelines.request("b5")))
        .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
    WorkflowStub.fromTyped(first).getResult(ExportResult.class);
    assertThat(activities.calls.stream().filter("dump"::equals)).hasSize(1);
  }

  @Test
  void redoesDumpAndUploadElsewhereWhenTheHostWithTheFilesIsGone() {
    // The first dump names a queue nobody polls: that worker died after dumping.
    startWorkers(new RecordingActivities(ExportTaskQueues.hostQueue("gone"), HOST_QUEUE));

    ExportResult result = workflow("b6").export(TestPipelines.request("b6"));

    assertThat(result.rowsVerified()).isEqualTo(3);
    assertThat(activities.calls)
        .containsExactly("dump", "dump", "upload", "catalog", "ddl", "verify");
  }

  /** Runs the batch of the pipeline and expects the run to fail. */
  private void assertFails(String batch, PipelineSpec pipeline) {
    assertThatThrownBy(() -> workflow(batch).export(TestPipelines.request(batch, pipeline)))
        .isInstanceOf(WorkflowFailedException.class);
  }

  /**
   * Records the histories that {@link ExportWorkflowReplayTest} replays. Run it when a change to
   * the workflow is meant to be incompatible (and versioned): {@code mvn -pl workflows test
   * -Dtest=ExportWorkflowTest#recordHistories
   * -Dspectrumflow.recordHistories=workflows/src/test/resources/histories}.
   */
  @Test
  @EnabledIfSystemProperty(named = "spectrumflow.recordHistories", matches = ".+")
  void recordHistories() throws Exception {
    startWorkers(new RecordingActivities(ExportTaskQueues.hostQueue("gone"), HOST_QUEUE));
    Path dir = Path.of(System.getProperty("spectrumflow.recordHistories"));
    Files.createDirectories(dir);
    workflow("host-gone").export(TestPipelines.request("host-gone"));
    workflow("happy").export(TestPipelines.request("happy"));
    activities.countAnswer = 0;
    try {
      workflow("replace-failed")
          .export(TestPipelines.request("replace-failed", TestPipelines.replacing()));
    } catch (WorkflowFailedException expected) {
      // a replacing run whose verify fails, and is rolled back
    }
    for (String batch : List.of("happy", "host-gone", "replace-failed")) {
      String json =
          env.getWorkflowClient().fetchHistory(ExportWorkflowIds.of("events", batch)).toJson(true);
      Files.writeString(dir.resolve("export-" + batch + ".json"), json);
    }
  }

  @Test
  void refusesAnInvalidBatchIdBeforeAnyStep() {
    startWorkers(new RecordingActivities(HOST_QUEUE));
    ExportRequest request = TestPipelines.request("b7");
    ExportRequest traversal =
        new ExportRequest("../etc", request.pipeline(), request.inputs(), request.batchTime());

    assertThatThrownBy(() -> workflow("b7").export(traversal))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ExportFailures.INVALID_REQUEST);
              assertThat(failure.getOriginalMessage()).contains("batch id '../etc' is not valid");
            });
    assertThat(activities.calls).isEmpty();
  }
}
