package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.activities.redshift.RedshiftActivitiesImpl;
import io.spectrumflow.workflows.export.CountRequest;
import io.spectrumflow.workflows.export.CountResult;
import io.spectrumflow.workflows.export.RedshiftActivities;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.redshiftdata.model.ValidationException;

/**
 * The verify step counts a batch of any size through the Data API, whose statements take at most
 * 100 KB: a batch whose object names alone are larger is counted exactly, and other batches' rows
 * in the same partitions are not.
 */
class BatchCountTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/spectrum";
  // long folder names, as real table prefixes can be: 800 objects' names then pass 100 KB
  private static final String PREFIX =
      "exports/" + "a-rather-long-folder-name-for-the-exported-table-".repeat(2) + "events/";
  private static final List<String> DATES = List.of("2026-11-23", "2026-11-24");
  private static final int OBJECTS_PER_DATE = 400;

  @TempDir static Path dir;
  @TempDir static Path files;
  private static StandInStack stack;
  private static TestActivityEnvironment activities;
  private static final List<String> batchUris = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    stack = StandInStack.start(dir);
    stack.s3().createBucket(b -> b.bucket("lake"));
    Path threeRows =
        ParquetFiles.write(files, "three.parquet", "SELECT i::BIGINT AS id FROM range(3) r(i)");
    byte[] body = Files.readAllBytes(threeRows);
    for (String date : DATES) {
      for (int i = 0; i < OBJECTS_PER_DATE; i++) {
        String key = PREFIX + "date=" + date + "/b-1-" + String.format("%05d", i) + ".parquet";
        stack.s3().putObject(b -> b.bucket("lake").key(key), RequestBody.fromBytes(body));
        batchUris.add("s3://lake/" + key);
      }
      // another batch's objects in the same partition, and one whose name starts like ours
      for (String other : List.of("b-2-00000", "b-10-00000", "b-1-00000-extra")) {
        String key = PREFIX + "date=" + date + "/" + other + ".parquet";
        stack.s3().putObject(b -> b.bucket("lake").key(key), RequestBody.fromBytes(body));
      }
    }
    stack.glue().createDatabase(b -> b.databaseInput(d -> d.name("countdb")));
    stack
        .glue()
        .createTable(
            b ->
                b.databaseName("countdb")
                    .tableInput(
                        t ->
                            t.name("events")
                                .tableType("EXTERNAL_TABLE")
                                .partitionKeys(Column.builder().name("date").type("string").build())
                                .storageDescriptor(
                                    s ->
                                        s.location("s3://lake/" + PREFIX)
                                            .columns(
                                                Column.builder()
                                                    .name("id")
                                                    .type("bigint")
                                                    .build()))));
    stack
        .glue()
        .batchCreatePartition(
            b ->
                b.databaseName("countdb")
                    .tableName("events")
                    .partitionInputList(
                        DATES.stream()
                            .map(
                                date ->
                                    PartitionInput.builder()
                                        .values(date)
                                        .storageDescriptor(
                                            s ->
                                                s.location(
                                                    "s3://lake/" + PREFIX + "date=" + date + "/"))
                                        .build())
                            .toList()));
    new DataApiCalls(stack.redshiftData(), "local", "awsuser")
        .run(
            "CREATE EXTERNAL SCHEMA counted FROM DATA CATALOG DATABASE 'countdb' IAM_ROLE '"
                + ROLE
                + "'");
    activities = TestActivityEnvironment.newInstance();
    activities.registerActivitiesImplementations(
        new RedshiftActivitiesImpl(stack.redshiftData(), stack.redshift()));
  }

  @AfterAll
  static void stop() throws Exception {
    activities.close();
    stack.close();
  }

  private static CountResult count(List<String> uris) {
    RedshiftActivities redshift =
        activities.newActivityStub(
            RedshiftActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(2))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    return redshift.countRows(
        new CountRequest(
            new RedshiftSpec("local", "awsuser", null, null, "dev", "counted", ROLE, "us-east-1"),
            "events",
            "date",
            DATES,
            uris));
  }

  @Test
  void aBatchWhoseObjectNamesPassTheStatementLimitIsCountedExactly() {
    assertThat(String.join("', '", batchUris).length()).isGreaterThan(100_000);

    CountResult counted = count(batchUris);

    assertThat(counted.rows()).isEqualTo(3L * batchUris.size());
  }

  @Test
  void aSmallBatchIsCountedInOneStatement() {
    CountResult counted = count(batchUris.subList(0, 5));

    assertThat(counted.rows()).isEqualTo(15);
    assertThat(counted.sql()).startsWith("SELECT count(*)").doesNotContain("the first of");
  }

  @Test
  void theDataApiRefusesAStatementAbove100Kb() throws Exception {
    String tooLong =
        "SELECT count(*) FROM counted.events WHERE \"$path\" IN ('"
            + String.join("', '", batchUris)
            + "')";
    assertThat(tooLong.length()).isGreaterThan(100_000);
    assertThatThrownBy(
            () -> new DataApiCalls(stack.redshiftData(), "local", "awsuser").execute(tooLong))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Cannot process query string larger than 100kB");
    assertThatThrownBy(
            () ->
                stack
                    .redshiftData()
                    .batchExecuteStatement(
                        b ->
                            b.clusterIdentifier("local")
                                .database("dev")
                                .dbUser("awsuser")
                                .sqls("SELECT 1", tooLong)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Cannot process query string larger than 100kB");
  }
}
