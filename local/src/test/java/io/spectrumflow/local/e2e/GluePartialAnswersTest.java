package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.local.aws.glue.GlueFaults;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.common.RetryOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.Partition;

/**
 * Glue's limits and partial answers on the paths that meet them: more partitions than one
 * BatchDeletePartition takes, keys left in UnprocessedKeys, per-entry Errors. The catalog steps get
 * one attempt here, so what a run survives it survives within the step, not by Temporal retrying
 * it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GluePartialAnswersTest {

  private static final String REFUSED_ROLE = "arn:aws:iam::000000000000:role/not-associated";
  private static final String ROLE = "arn:aws:iam::000000000000:role/spectrumflow-spectrum";

  @TempDir static Path dir;
  private RunningStack stack;
  private GlueFaults faults;

  @BeforeAll
  void start() throws Exception {
    ActivityOptions once =
        ActivityOptions.newBuilder()
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build();
    stack =
        new RunningStack(
            dir.resolve("data"),
            aws -> aws,
            Map.of("RegisterPartitions", once, "UndoPartitionSwitch", once));
    faults = stack.stack.standIn().glueFaults();
  }

  @AfterEach
  void clearFaults() {
    faults.clear();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  /** A replace-mode pipeline of its own database; a refused role makes its DDL step fail. */
  private static PipelineSpec replacing(String database, String externalSchema, String role)
      throws IOException {
    return RunningStack.pipeline(
        dir,
        database,
        """
        pipelines:
          %s:
            format: ndjson
            storage: {bucket: lake, prefix: %s, mode: replace-partitions, replaceGraceSeconds: 1}
            partition: {field: ts}
            catalog: {database: %s, table: days}
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              externalSchema: %s
              iamRole: %s
        """
            .formatted(database, database, database, externalSchema, role));
  }

  /** One row a day for {@code days} days from {@code first}. */
  private static String days(String first, int days, int rowsEach) {
    StringBuilder ndjson = new StringBuilder();
    LocalDate day = LocalDate.parse(first);
    for (int d = 0; d < days; d++, day = day.plusDays(1)) {
      for (int r = 0; r < rowsEach; r++) {
        ndjson.append("{\"id\": ").append(r).append(", \"ts\": \"").append(day);
        ndjson.append("T10:00:00Z\"}\n");
      }
    }
    return ndjson.toString();
  }

  /** Partition value to location. */
  private Map<String, String> locations(String database) {
    Map<String, String> locations = new TreeMap<>();
    for (Partition p :
        stack
            .aws
            .glue()
            .getPartitionsPaginator(b -> b.databaseName(database).tableName("days"))
            .stream()
            .flatMap(page -> page.partitions().stream())
            .toList()) {
      locations.put(p.values().get(0), p.storageDescriptor().location());
    }
    return locations;
  }

  private static String at(String database, String day, String batch) {
    return "s3://lake/" + database + "/days/date=" + day + "/batch=" + batch + "/";
  }

  private long rows(PipelineSpec pipeline) {
    String database = pipeline.catalog().database();
    return stack.count(pipeline, "SELECT count(*) FROM \"" + database + "\".\"days\"");
  }

  @Test
  void aFailedReplaceRunOverThirtyDaysIsRolledBackWhole() throws Exception {
    PipelineSpec pipeline = replacing("rb30", "rb30", ROLE);
    stack.export(pipeline, "first", days("2026-10-01", 30, 2));
    Map<String, String> before = locations("rb30");
    assertThat(before).hasSize(30);

    // the same 30 days again and 30 new ones; the DDL step fails after the catalog switched them
    assertThatThrownBy(
            () ->
                stack.export(
                    replacing("rb30", "rb30_refused", REFUSED_ROLE),
                    "second",
                    days("2026-10-01", 60, 1)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .hasMessageContaining("is not associated with Redshift cluster");

    assertThat(locations("rb30")).isEqualTo(before);
    assertThat(before).allSatisfy((day, location) -> assertThat(location).contains("batch=first"));
    assertThat(rows(pipeline)).isEqualTo(60);
  }

  @Test
  void keysGlueLeftUnprocessedAreAskedForAgainAndSwitched() throws Exception {
    PipelineSpec pipeline = replacing("uk", "uk", ROLE);
    stack.export(pipeline, "first", days("2026-11-01", 4, 2));
    faults.leaveKeysUnprocessed(2);

    ExportResult second = stack.export(pipeline, "second", days("2026-11-01", 4, 1));

    assertThat(faults.applied("BatchGetPartition")).isEqualTo(2);
    assertThat(second.rowsVerified()).isEqualTo(4);
    assertThat(locations("uk"))
        .containsOnlyKeys("2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04")
        .allSatisfy((day, location) -> assertThat(location).isEqualTo(at("uk", day, "second")));
    assertThat(rows(pipeline)).isEqualTo(4);
  }

  @Test
  void glueThatKeepsLeavingKeysUnprocessedFailsTheStepNamingThem() throws Exception {
    PipelineSpec pipeline = replacing("ukfail", "ukfail", ROLE);
    stack.export(pipeline, "first", days("2026-11-01", 2, 1));
    faults.leaveKeysUnprocessed(100);

    assertThatThrownBy(() -> stack.export(pipeline, "second", days("2026-11-01", 2, 3)))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining("BatchGetPartition")
        .hasMessageContaining("[2026-11-02]")
        .hasMessageContaining("UnprocessedKeys");
    faults.clear();
    assertThat(locations("ukfail"))
        .allSatisfy((day, location) -> assertThat(location).isEqualTo(at("ukfail", day, "first")));
  }

  @Test
  void entriesFailedWithRetryableErrorsAreSentAgain() throws Exception {
    PipelineSpec pipeline = replacing("entries", "entries", ROLE);
    stack.export(pipeline, "first", days("2026-11-01", 4, 2));
    // updates fail untouched; creates fail after Glue wrote them (AlreadyExists on the retry)
    faults
        .failEntries("BatchUpdatePartition", "InternalServiceException", false, 2)
        .failEntries("BatchCreatePartition", "OperationTimeoutException", true, 1);

    ExportResult second = stack.export(pipeline, "second", days("2026-11-01", 6, 1));

    assertThat(faults.applied("BatchUpdatePartition")).isEqualTo(2);
    assertThat(faults.applied("BatchCreatePartition")).isEqualTo(1);
    assertThat(second.rowsVerified()).isEqualTo(6);
    assertThat(locations("entries"))
        .hasSize(6)
        .allSatisfy(
            (day, location) -> assertThat(location).isEqualTo(at("entries", day, "second")));
    assertThat(rows(pipeline)).isEqualTo(6);
  }

  @Test
  void throttledGlueCallsAreRetried() throws Exception {
    PipelineSpec pipeline = replacing("throttled", "throttled", ROLE);
    stack.export(pipeline, "first", days("2026-11-01", 2, 2));
    faults
        .throttle("BatchGetPartition", 2)
        .throttle("BatchUpdatePartition", 2)
        .throttle("GetPartitions", 1);

    ExportResult second = stack.export(pipeline, "second", days("2026-11-01", 2, 1));

    assertThat(faults.applied("BatchGetPartition")).isEqualTo(2);
    assertThat(faults.applied("BatchUpdatePartition")).isEqualTo(2);
    assertThat(faults.applied("GetPartitions")).isEqualTo(1);
    assertThat(second.rowsVerified()).isEqualTo(2);
    assertThat(locations("throttled"))
        .allSatisfy(
            (day, location) -> assertThat(location).isEqualTo(at("throttled", day, "second")));
  }

  @Test
  void aRollbackTakesAPartitionAlreadyDeletedAsGone() throws Exception {
    PipelineSpec pipeline = replacing("gone", "gone", ROLE);
    stack.export(pipeline, "first", days("2026-11-01", 1, 2));
    List<String> objects = stack.objectsUnderTable(pipeline);
    // Glue deletes the new days but reports an error for half of them: the retry finds them gone
    faults.failEntries("BatchDeletePartition", "InternalServiceException", true, 1);

    assertThatThrownBy(
            () ->
                stack.export(
                    replacing("gone", "gone_refused", REFUSED_ROLE),
                    "second",
                    days("2026-11-01", 4, 1)))
        .isInstanceOf(WorkflowFailedException.class);

    assertThat(faults.applied("BatchDeletePartition")).isEqualTo(1);
    assertThat(locations("gone"))
        .containsExactly(Map.entry("2026-11-01", at("gone", "2026-11-01", "first")));
    assertThat(rows(pipeline)).isEqualTo(2);
    // the rollback finished: the failed run's objects are gone as well
    assertThat(stack.objectsUnderTable(pipeline)).containsExactlyInAnyOrderElementsOf(objects);
  }
}
