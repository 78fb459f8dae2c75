package io.spectrumflow.workflows.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.export.ExportProgress;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.export.ExportWorkflow;
import io.spectrumflow.workflows.pipeline.CatalogMode;
import io.spectrumflow.workflows.pipeline.CatalogSpec;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import io.spectrumflow.workflows.pipeline.PartitionSpec;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.StorageSpec;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScheduledExportWorkflowTest {

  static final PipelineSpec PIPELINE =
      new PipelineSpec(
          "events",
          SourceFormat.JSON,
          new StorageSpec("lake", "exports", KeyLayout.HIVE),
          new PartitionSpec("date", null),
          new ParquetSpec(Compression.SNAPPY, 1 << 20, 1 << 20, TimestampEncoding.INT64_MICROS),
          new CatalogSpec(CatalogMode.DIRECT, "db", "events", null, null),
          new RedshiftSpec(
              "c", "u", null, null, "dev", "spectrum", "arn:aws:iam::1:role/r", "us-east-1"),
          List.of());

  private TestWorkflowEnvironment env;
  private final List<String> incoming = Collections.synchronizedList(new ArrayList<>());
  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  /** Staging over an in-memory list of objects. */
  class FakeStaging implements StagingActivities {
    @Override
    public List<String> listIncoming(String prefix, int max) {
      calls.add("list " + prefix);
      return incoming.stream().limit(max).toList();
    }

    @Override
    public StagedBatch keep(StagedBatch batch, String kept, String date) {
      calls.add("keep " + batch.inputs() + " to " + kept + date + "/" + batch.batchId() + "/");
      incoming.removeAll(batch.inputs());
      return new StagedBatch(batch.batchId(), List.of(kept + date + "/" + batch.batchId() + "/x"));
    }
  }

  /** The child export, answering with the rows it was given inputs for. */
  public static class CountingExport implements ExportWorkflow {
    @Override
    public ExportResult export(ExportRequest request) {
      return new ExportResult(
          request.batchId(),
          request.pipeline().name(),
          request.inputs().size(),
          request.inputs().size(),
          1,
          10,
          List.of(),
          List.of(),
          "db",
          "events",
          "ddl",
          List.of());
    }

    @Override
    public ExportProgress progress() {
      return null;
    }
  }

  @BeforeEach
  void start() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(ExportTaskQueues.EXPORT);
    worker.registerWorkflowImplementationTypes(
        ScheduledExportWorkflowImpl.class, CountingExport.class);
    worker.registerActivitiesImplementations(new FakeStaging());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private ScheduledExportResult run() {
    return env.getWorkflowClient()
        .newWorkflowStub(
            ScheduledExportWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(ExportTaskQueues.EXPORT).build())
        .exportStaged(
            new ScheduledExportRequest(
                PIPELINE,
                "s3://lake/staging/events/incoming/",
                "s3://lake/staging/events/kept/",
                2));
  }

  @Test
  void exportsWhatWasStagedAsOneBatchThenKeepsIt() {
    incoming.addAll(
        List.of(
            "s3://lake/staging/events/incoming/a.json",
            "s3://lake/staging/events/incoming/b.json"));

    ScheduledExportResult result = run();

    assertThat(result.export().rowsVerified()).isEqualTo(2);
    assertThat(result.batch().batchId())
        .startsWith("scheduled-")
        .matches("scheduled-\\d{8}T\\d{6}Z");
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1)).startsWith("keep [s3://lake/staging/events/incoming/a.json,");
    assertThat(incoming).isEmpty();
  }

  @Test
  void takesAtMostMaxInputsAndLeavesTheRestForTheNextRun() {
    incoming.addAll(List.of("s3://l/i/1", "s3://l/i/2", "s3://l/i/3"));

    ScheduledExportResult result = run();

    assertThat(result.export().rowsVerified()).isEqualTo(2);
    assertThat(incoming).containsExactly("s3://l/i/3");
  }

  @Test
  void nothingStagedIsNoRun() {
    ScheduledExportResult result = run();

    assertThat(result.batch()).isNull();
    assertThat(result.export()).isNull();
    assertThat(calls).containsExactly("list s3://lake/staging/events/incoming/");
  }
}
