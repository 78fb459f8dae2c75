package io.spectrumflow.workflows.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scheduled run's child id changed from {@code export-<pipeline>-<batch>} to {@code
 * export:<pipeline>:<batch>}: runs recorded before keep their child id, new runs get the new one.
 */
class ScheduledExportWorkflowReplayTest {

  private static final String LEGACY_HISTORY = "histories/scheduled-legacy-id.json";

  @Test
  void replaysARunRecordedWithTheLegacyChildId() throws Exception {
    assertThat(childIds(WorkflowExecutionHistory.fromJson(resource(LEGACY_HISTORY))))
        .singleElement()
        .asString()
        .startsWith("export-events-scheduled-");

    WorkflowReplayer.replayWorkflowExecutionFromResource(
        LEGACY_HISTORY, ScheduledExportWorkflowImpl.class);
  }

  @Test
  void aNewRunNamesItsChildByTheInjectiveIdAndReplays() throws Exception {
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(ExportTaskQueues.EXPORT);
      worker.registerWorkflowImplementationTypes(
          ScheduledExportWorkflowImpl.class, ScheduledExportWorkflowTest.CountingExport.class);
      worker.registerActivitiesImplementations(new TwoObjectsStaged());
      env.start();
      ScheduledExportResult result =
          env.getWorkflowClient()
              .newWorkflowStub(
                  ScheduledExportWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId("scheduled-events-new")
                      .setTaskQueue(ExportTaskQueues.EXPORT)
                      .build())
              .exportStaged(
                  new ScheduledExportRequest(
                      ScheduledExportWorkflowTest.PIPELINE,
                      "s3://lake/staging/events/incoming/",
                      "s3://lake/staging/events/kept/",
                      2));
      WorkflowExecutionHistory history =
          env.getWorkflowClient().fetchHistory("scheduled-events-new");

      assertThat(childIds(history))
          .containsExactly(ExportWorkflowIds.of("events", result.batch().batchId()));
      WorkflowReplayer.replayWorkflowExecution(history, ScheduledExportWorkflowImpl.class);
    }
  }

  private static List<String> childIds(WorkflowExecutionHistory history) {
    return history.getEvents().stream()
        .filter(
            e -> e.getEventType() == EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED)
        .map(HistoryEvent::getStartChildWorkflowExecutionInitiatedEventAttributes)
        .map(a -> a.getWorkflowId())
        .toList();
  }

  private static String resource(String name) throws Exception {
    try (InputStream in =
        ScheduledExportWorkflowReplayTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Two objects waiting in incoming. */
  static final class TwoObjectsStaged implements StagingActivities {
    @Override
    public List<String> listIncoming(String prefix, int max) {
      return List.of(prefix + "a.json", prefix + "b.json");
    }

    @Override
    public StagedBatch keep(StagedBatch batch, String kept, String date) {
      return new StagedBatch(
          batch.batchId(), List.of(kept + date + "/" + batch.batchId() + "/a.json"));
    }
  }
}
