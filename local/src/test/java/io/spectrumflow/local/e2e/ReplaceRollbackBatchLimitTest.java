package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed replace-mode run that created more partitions than one BatchDeletePartition may delete
 * (25) still drops them all: the rollback deletes them in calls AWS accepts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplaceRollbackBatchLimitTest {

  @TempDir static Path dir;
  private RunningStack stack;

  @BeforeAll
  void start() throws Exception {
    stack = new RunningStack(dir.resolve("data"));
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private static PipelineSpec pipeline(String externalSchema, String iamRole) throws IOException {
    return RunningStack.pipeline(
        dir,
        "days",
        """
        pipelines:
          days:
            format: ndjson
            storage: {bucket: lake, prefix: limits, mode: replace-partitions, replaceGraceSeconds: 1}
            partition: {field: ts}
            catalog: {database: limits, table: days}
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              externalSchema: %s
              iamRole: %s
        """
            .formatted(externalSchema, iamRole));
  }

  private static String days(LocalDate first, int count) {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < count; i++) {
      ndjson.append("{\"id\": ").append(i).append(", \"ts\": \"");
      ndjson.append(first.plusDays(i)).append("T10:00:00Z\"}\n");
    }
    return ndjson.toString();
  }

  @Test
  void aFailedRunDropsAllTwentySixDaysItAdded() throws Exception {
    PipelineSpec pipeline =
        pipeline("limits", "arn:aws:iam::000000000000:role/spectrumflow-spectrum");
    ExportResult first = stack.export(pipeline, "first-run", days(LocalDate.of(2026, 10, 1), 1));
    assertThat(first.rowsVerified()).isEqualTo(1);
    // Redshift refuses the DDL, so the run fails after its catalog step created 26 days.
    PipelineSpec refused =
        pipeline("limits_refused", "arn:aws:iam::000000000000:role/not-associated");

    assertThatThrownBy(
            () -> stack.export(refused, "big-rerun", days(LocalDate.of(2026, 11, 1), 26)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .hasMessageContaining("is not associated with Redshift cluster");

    assertThat(
            stack
                .aws
                .glue()
                .getPartitions(b -> b.databaseName("limits").tableName("days"))
                .partitions())
        .extracting(p -> p.values().get(0))
        .containsExactly("2026-10-01");
  }
}
