package io.spectrumflow.workflows.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import io.spectrumflow.workflows.pipeline.SqlNames;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A request whose names would break the SQL they reach (one sent by another service, past the
 * starter's configuration checks) is refused before any step, so nothing is uploaded.
 */
class SqlNamesCheckTest {

  private static final String HOST_QUEUE = ExportTaskQueues.hostQueue("test-host");
  private static final String HISTORY = "histories/export-bad-schema-name.json";

  private TestWorkflowEnvironment env;
  private RecordingActivities activities;

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    activities = new RecordingActivities(HOST_QUEUE);
    Worker shared = env.newWorker(ExportTaskQueues.EXPORT);
    shared.registerWorkflowImplementationTypes(ExportWorkflowImpl.class);
    shared.registerActivitiesImplementations(activities);
    env.newWorker(HOST_QUEUE).registerActivitiesImplementations(activities);
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  /** The test pipeline with another external schema. */
  static PipelineSpec withExternalSchema(String schema) {
    PipelineSpec e = TestPipelines.events();
    RedshiftSpec r = e.redshift();
    return new PipelineSpec(
        e.name(),
        e.format(),
        e.storage(),
        e.partition(),
        e.parquet(),
        e.catalog(),
        new RedshiftSpec(
            r.clusterIdentifier(),
            r.dbUser(),
            r.secretArn(),
            r.workgroupName(),
            r.database(),
            schema,
            r.iamRole(),
            r.region()),
        e.schema(),
        e.failureWebhook());
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
  void refusesAnExternalSchemaThatWouldBreakTheDdlBeforeAnyStep() {
    ExportRequest request =
        TestPipelines.request("b1", withExternalSchema("spectrum\"; DROP SCHEMA x; --"));

    assertThatThrownBy(() -> workflow("b1").export(request))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ExportFailures.INVALID_REQUEST);
              assertThat(failure.getOriginalMessage())
                  .contains("pipeline events: redshift.externalSchema: 'spectrum\"; DROP")
                  .contains("lowercase letters, digits and '_'");
            });
    assertThat(activities.calls).isEmpty();
  }

  @Test
  void aGoodRequestRunsAsBefore() {
    workflow("b2").export(TestPipelines.request("b2"));

    assertThat(activities.calls).containsExactly("dump", "upload", "catalog", "ddl", "verify");
  }

  /** A run of a bad name recorded before the check: it went on to its steps, and still does. */
  @Test
  void replaysARunRecordedBeforeTheCheck() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(HISTORY, ExportWorkflowImpl.class);
  }

  /** Without the version gate the same history would no longer replay. */
  @Test
  void theCheckWithoutItsVersionWouldBreakThatRun() {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    HISTORY, UngatedCheckWorkflow.class))
        .hasMessageContaining("NonDeterministicException");
  }

  /** The check as a careless edit would add it: unversioned. */
  public static class UngatedCheckWorkflow implements ExportWorkflow {
    @Override
    public ExportResult export(ExportRequest request) {
      if (!SqlNames.problems(request.pipeline()).isEmpty()) {
        throw ApplicationFailure.newNonRetryableFailure("bad name", ExportFailures.INVALID_REQUEST);
      }
      return new ExportWorkflowImpl().export(request);
    }

    @Override
    public ExportProgress progress() {
      return null;
    }
  }

  /**
   * Recorded with the code before the check ({@code -Dspectrumflow.recordHistories=
   * workflows/src/test/resources/histories}); the stand-in activities accept any name.
   */
  @Test
  @EnabledIfSystemProperty(named = "spectrumflow.recordHistories", matches = ".+")
  void recordHistory() throws Exception {
    workflow("bad-schema-name")
        .export(TestPipelines.request("bad-schema-name", withExternalSchema("Spectrum-Schema")));
    String json =
        env.getWorkflowClient()
            .fetchHistory(ExportWorkflowIds.of("events", "bad-schema-name"))
            .toJson(true);
    Files.writeString(
        Path.of(System.getProperty("spectrumflow.recordHistories"))
            .resolve("export-bad-schema-name.json"),
        json);
  }
}
