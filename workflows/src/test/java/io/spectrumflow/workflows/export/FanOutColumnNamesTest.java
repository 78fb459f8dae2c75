package io.spectrumflow.workflows.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.export.InferredColumn.InTable;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A new run names a fanned-out batch's columns by the table, whatever order each chunk met. */
class FanOutColumnNamesTest {

  private static final String HOST_QUEUE = ExportTaskQueues.hostQueue("test-host");

  private TestWorkflowEnvironment env;

  /** Chunk 0 meets "name" first, chunk 1 "Name"; the table already holds "Name" in name. */
  private static final class ClashingChunks extends RecordingActivities {
    ClashingChunks() {
      super(HOST_QUEUE);
    }

    @Override
    public List<InferredColumn> inferColumns(DumpRequest request) {
      calls.add("infer " + request.chunk());
      InferredColumn upper =
          new InferredColumn("name", ColumnType.STRING, false, "Name", InTable.HELD);
      InferredColumn lower =
          new InferredColumn("name_2", ColumnType.STRING, false, "name", InTable.NEW);
      return request.chunk() == 0 ? List.of(lower, upper) : List.of(upper, lower);
    }
  }

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void everyChunkIsDumpedWithTheTablesColumns() {
    ClashingChunks activities = new ClashingChunks();
    activities.countAnswer = 6;
    Worker shared = env.newWorker(ExportTaskQueues.EXPORT);
    shared.registerWorkflowImplementationTypes(ExportWorkflowImpl.class);
    shared.registerActivitiesImplementations(activities);
    env.newWorker(HOST_QUEUE).registerActivitiesImplementations(activities);
    env.start();
    ExportRequest one = TestPipelines.request("clash");
    ExportRequest many =
        new ExportRequest(
            "clash",
            one.pipeline(),
            List.of("s3://staging/a.json", "s3://staging/b.json"),
            one.batchTime());

    env.getWorkflowClient()
        .newWorkflowStub(
            ExportWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(ExportWorkflowIds.of("events", "clash"))
                .setTaskQueue(ExportTaskQueues.EXPORT)
                .build())
        .export(many);

    // "name" is legal, but the table holds "Name" there: "name" takes the next free name.
    assertThat(activities.dumpRequests)
        .hasSize(2)
        .allSatisfy(
            r ->
                assertThat(r.pipeline().schema())
                    .extracting(c -> c.name() + " " + c.field())
                    .containsExactly("name_2 name", "name Name"));
  }
}
