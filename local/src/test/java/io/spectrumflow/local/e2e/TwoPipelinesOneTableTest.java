package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.local.adversarial.AdversarialLedger;
import io.spectrumflow.starter.config.ConfigException;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two pipelines over one table: refused when they are configured together; and when two
 * configurations still point at one table folder, a failed run of one removes only what it wrote,
 * never the other's verified objects under the same batch id.
 */
class TwoPipelinesOneTableTest {

  private static final String PIPELINE =
      """
      pipelines:
        %s:
          format: ndjson
          storage: {bucket: lake, prefix: owned}
          partition: {field: ts}
          catalog: {database: %s, table: shared}
          redshift:
            clusterIdentifier: spectrumflow-local
            dbUser: awsuser
            externalSchema: %s
            iamRole: arn:aws:iam::000000000000:role/%s
      """;

  @TempDir Path dir;

  private static String day(int from) {
    return "{\"id\": %d, \"ts\": \"2026-11-20T10:00:00Z\"}\n{\"id\": %d, \"ts\": \"2026-11-20T11:00:00Z\"}\n"
        .formatted(from, from + 1);
  }

  @Test
  void twoPipelinesOverOneTableAreRefusedAtLoadNamingBoth() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("both.yml"),
            PIPELINE.formatted("first", "first_db", "first_db", "spectrumflow-spectrum")
                + PIPELINE
                    .formatted("second", "second_db", "second_db", "spectrumflow-spectrum")
                    .replace("pipelines:\n", ""));

    assertThatThrownBy(() -> PipelinesFile.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pipelines.first and pipelines.second")
        .hasMessageContaining("s3://lake/owned/shared/");
    AdversarialLedger.refused(
        "tables", "two pipelines over one table folder", "at configuration load, naming both");
  }

  @Test
  void aFailedRunOfOnePipelineLeavesTheOthersObjectsOfTheSameBatchId() throws Exception {
    try (RunningStack stack = new RunningStack(dir.resolve("data"))) {
      PipelineSpec first =
          RunningStack.pipeline(
              dir,
              "first",
              PIPELINE.formatted("first", "first_db", "first_db", "spectrumflow-spectrum"));
      // configured elsewhere, so the load check cannot see it: same table folder, and a Spectrum
      // role the cluster does not have, so that its run fails after uploading
      PipelineSpec second =
          RunningStack.pipeline(
              dir,
              "second",
              PIPELINE.formatted("second", "second_db", "second_db", "unassociated"));

      // two inputs: two chunks, two objects in the day
      ExportRequest firstRun =
          new ExportRequest(
              "b-1",
              first,
              List.of(stack.stage(first, "a", day(1)), stack.stage(first, "b", day(3))),
              null);
      ExportResult verified =
          stack.runs.result(stack.runs.start(firstRun, true).workflowId(), Duration.ofMinutes(2));
      assertThat(verified.rowsVerified()).isEqualTo(4);
      assertThat(stack.objectsUnderTable(first))
          .containsExactlyInAnyOrder(
              "owned/shared/date=2026-11-20/b-1-00000.parquet",
              "owned/shared/date=2026-11-20/b-1-10000.parquet");

      // the second pipeline's batch b-1 overwrites the first object, then fails and rolls back
      assertThatThrownBy(() -> stack.export(second, "b-1", day(5)))
          .isInstanceOf(WorkflowFailedException.class)
          .cause()
          .hasMessageContaining("is not associated with Redshift cluster");

      // it removed what it wrote; the first pipeline's object it did not write stays
      assertThat(stack.objectsUnderTable(first))
          .containsExactly("owned/shared/date=2026-11-20/b-1-10000.parquet");
      assertThat(stack.count(first, "SELECT count(*) FROM \"first_db\".\"shared\"")).isEqualTo(2);
      AdversarialLedger.rows(
          "tables",
          "a failed run beside another pipeline's batch",
          "its rollback left the object it did not write",
          2,
          stack.count(first, "SELECT count(*) FROM \"first_db\".\"shared\""));
    }
  }
}
