package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.Column;

/**
 * Batches of one pipeline that add different columns at the same time all land in the Glue table:
 * column changes use the table's VersionId and are retried, so no change is lost.
 */
class ConcurrentWritersTest {

  @TempDir Path dir;

  @Test
  void everyBatchesNewColumnEndsUpInTheTable() throws Exception {
    try (RunningStack stack = new RunningStack(dir.resolve("data"))) {
      PipelineSpec pipeline =
          RunningStack.pipeline(
              dir,
              "shared",
              """
              pipelines:
                shared:
                  format: ndjson
                  storage: {bucket: lake, prefix: concurrent}
                  partition: {field: ts}
                  catalog: {database: concurrent, table: shared}
                  redshift:
                    clusterIdentifier: spectrumflow-local
                    dbUser: awsuser
                    externalSchema: concurrent
                    iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
              """);
      stack.export(pipeline, "base", "{\"id\": 0, \"ts\": \"2026-11-20T10:00:00Z\"}\n");

      List<String> added = List.of("alpha", "beta", "gamma", "delta", "epsilon", "zeta");
      List<RunStarted> runs = new ArrayList<>();
      for (String column : added) {
        String input =
            stack.stage(
                pipeline,
                column,
                "{\"id\": 1, \"ts\": \"2026-11-20T11:00:00Z\", \""
                    + column
                    + "\": \"x\"}\n"
                    + "{\"id\": 2, \"ts\": \"2026-11-21T11:00:00Z\", \""
                    + column
                    + "\": \"y\"}\n");
        runs.add(stack.runs.start(new ExportRequest(column, pipeline, List.of(input), null), true));
      }
      for (RunStarted run : runs) {
        assertThat(stack.runs.result(run.workflowId(), Duration.ofMinutes(2)).rowsVerified())
            .isEqualTo(2);
      }

      List<String> columns =
          stack
              .aws
              .glue()
              .getTable(b -> b.databaseName("concurrent").name("shared"))
              .table()
              .storageDescriptor()
              .columns()
              .stream()
              .map(Column::name)
              .toList();
      assertThat(columns).containsAll(added).startsWith("id", "ts");
      assertThat(stack.count(pipeline, "SELECT count(*) FROM \"concurrent\".\"shared\""))
          .isEqualTo(1 + 2L * added.size());
    }
  }
}
