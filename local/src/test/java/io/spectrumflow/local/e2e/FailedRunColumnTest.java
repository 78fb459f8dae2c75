package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed append run keeps the column it added to the table (README, Reliability): a concurrent
 * batch may have added the same column, and a nullable column reads as NULL in older files. Its
 * rows are gone, the earlier rows read NULL in the column, and the next run works.
 */
class FailedRunColumnTest {

  @TempDir Path dir;

  /** The pipeline with its external schema and Spectrum role. */
  private PipelineSpec pipeline(String externalSchema, String iamRole) throws IOException {
    return RunningStack.pipeline(
        dir,
        "kept",
        """
        pipelines:
          kept:
            format: ndjson
            storage: {bucket: lake, prefix: kept}
            partition: {field: ts}
            catalog: {database: kept, table: kept}
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              externalSchema: %s
              iamRole: arn:aws:iam::000000000000:role/%s
        """
            .formatted(externalSchema, iamRole));
  }

  @Test
  void aFailedAppendRunLeavesItsAddedColumnAndTheNextRunWorks() throws Exception {
    try (RunningStack stack = new RunningStack(dir.resolve("data"))) {
      PipelineSpec pipeline = pipeline("kept", "spectrumflow-spectrum");
      stack.export(pipeline, "b1", "{\"id\": 1, \"ts\": \"2026-11-20T10:00:00Z\"}\n");

      // adds column channel in its catalog step, then Redshift refuses its DDL
      PipelineSpec refused = pipeline("kept_refused", "not-associated");
      assertThatThrownBy(
              () ->
                  stack.export(
                      refused,
                      "b2",
                      "{\"id\": 2, \"ts\": \"2026-11-20T11:00:00Z\", \"channel\": \"web\"}\n"))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .hasMessageContaining("is not associated with Redshift cluster");

      assertThat(columns(stack)).containsExactly("id bigint", "ts timestamp", "channel string");
      assertThat(rows(stack, pipeline)).containsExactly("1=null");

      stack.export(
          pipeline, "b3", "{\"id\": 3, \"ts\": \"2026-11-20T12:00:00Z\", \"channel\": \"app\"}\n");
      assertThat(columns(stack)).containsExactly("id bigint", "ts timestamp", "channel string");
      assertThat(rows(stack, pipeline)).containsExactly("1=null", "3=app");
    }
  }

  private static List<String> columns(RunningStack stack) {
    return stack
        .aws
        .glue()
        .getTable(b -> b.databaseName("kept").name("kept"))
        .table()
        .storageDescriptor()
        .columns()
        .stream()
        .map(c -> c.name() + " " + c.type())
        .toList();
  }

  private static List<String> rows(RunningStack stack, PipelineSpec pipeline) {
    return stack.query(pipeline, "SELECT id, channel FROM \"kept\".\"kept\" ORDER BY id").stream()
        .map(
            r ->
                r.get(0).longValue()
                    + "="
                    + (Boolean.TRUE.equals(r.get(1).isNull()) ? "null" : r.get(1).stringValue()))
        .toList();
  }
}
