package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.PartitionInput;

/**
 * BatchUpdatePartition, as a replace mode uses it to point a partition at a new folder in one call,
 * and what Spectrum queries see while that happens.
 */
class PartitionLocationSwitchTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/spectrum";

  @TempDir static Path dir;
  @TempDir static Path files;
  private static StandInStack stack;
  private static GlueClient glue;
  private static DataApiCalls sql;

  @BeforeAll
  static void start() throws Exception {
    stack = StandInStack.start(dir);
    glue = stack.glue();
    sql = new DataApiCalls(stack.redshiftData(), "local", "awsuser");
    stack.s3().createBucket(b -> b.bucket("lake"));
    put("events/date=2026-11-24/v1/part-0.parquet", "SELECT i::BIGINT AS id FROM range(3) r(i)");
    put("events/date=2026-11-24/v2/part-0.parquet", "SELECT i::BIGINT AS id FROM range(5) r(i)");
    put("events/date=2026-11-25/v1/part-0.parquet", "SELECT i::BIGINT AS id FROM range(7) r(i)");
    glue.createDatabase(b -> b.databaseInput(d -> d.name("switchdb")));
    glue.createTable(
        b ->
            b.databaseName("switchdb")
                .tableInput(
                    t ->
                        t.name("events")
                            .tableType("EXTERNAL_TABLE")
                            .partitionKeys(Column.builder().name("date").type("string").build())
                            .storageDescriptor(
                                s ->
                                    s.location("s3://lake/events/")
                                        .columns(
                                            Column.builder().name("id").type("bigint").build()))));
    glue.batchCreatePartition(
        b ->
            b.databaseName("switchdb")
                .tableName("events")
                .partitionInputList(partition("2026-11-24", "v1"), partition("2026-11-25", "v1")));
    sql.run(
        "CREATE EXTERNAL SCHEMA switched FROM DATA CATALOG DATABASE 'switchdb' IAM_ROLE '"
            + ROLE
            + "'");
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  private static void put(String key, String select) throws Exception {
    Path file = ParquetFiles.write(files, key.replace('/', '_'), select);
    stack.s3().putObject(b -> b.bucket("lake").key(key), RequestBody.fromFile(file));
  }

  private static PartitionInput partition(String date, String version) {
    return PartitionInput.builder()
        .values(date)
        .storageDescriptor(s -> s.location("s3://lake/events/date=" + date + "/" + version + "/"))
        .build();
  }

  private static BatchUpdatePartitionRequestEntry switchTo(String date, String version) {
    return BatchUpdatePartitionRequestEntry.builder()
        .partitionValueList(date)
        .partitionInput(partition(date, version))
        .build();
  }

  private static BatchUpdatePartitionResponse batchUpdate(
      BatchUpdatePartitionRequestEntry... entries) {
    return glue.batchUpdatePartition(
        b -> b.databaseName("switchdb").tableName("events").entries(entries));
  }

  private static String location(String date) {
    return glue.getPartition(
            b -> b.databaseName("switchdb").tableName("events").partitionValues(date))
        .partition()
        .storageDescriptor()
        .location();
  }

  @Test
  void batchUpdatePartitionSwitchesLocationsAndReportsEachFailure() {
    BatchUpdatePartitionResponse response =
        batchUpdate(switchTo("2026-11-25", "v2"), switchTo("2026-12-31", "v1"));
    assertThat(location("2026-11-25")).isEqualTo("s3://lake/events/date=2026-11-25/v2/");
    assertThat(response.errors()).hasSize(1);
    assertThat(response.errors().get(0).partitionValueList()).containsExactly("2026-12-31");
    assertThat(response.errors().get(0).errorDetail().errorCode())
        .isEqualTo("EntityNotFoundException");

    batchUpdate(switchTo("2026-11-25", "v1"));
    assertThat(location("2026-11-25")).isEqualTo("s3://lake/events/date=2026-11-25/v1/");

    List<BatchUpdatePartitionRequestEntry> tooMany = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      tooMany.add(switchTo("2026-11-25", "v1"));
    }
    assertThatThrownBy(
            () ->
                glue.batchUpdatePartition(
                    b -> b.databaseName("switchdb").tableName("events").entries(tooMany)))
        .isInstanceOf(ModelRefusal.glue())
        .hasMessageContaining("100");
    assertThatThrownBy(
            () ->
                glue.batchUpdatePartition(
                    b ->
                        b.databaseName("switchdb")
                            .tableName("missing")
                            .entries(switchTo("2026-11-25", "v1"))))
        .isInstanceOf(EntityNotFoundException.class);
  }

  @Test
  void aQueryDuringALocationSwitchSeesTheOldOrTheNewFolderNeverAMix() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger switches = new AtomicInteger();
    AtomicReference<Throwable> switcherFailure = new AtomicReference<>();
    Thread switcher =
        new Thread(
            () -> {
              try {
                while (!done.get()) {
                  String version = switches.incrementAndGet() % 2 == 0 ? "v1" : "v2";
                  batchUpdate(switchTo("2026-11-24", version));
                  Thread.sleep(2);
                }
              } catch (Throwable t) {
                switcherFailure.set(t);
              }
            },
            "partition-switcher");
    switcher.start();
    Set<Long> counts = new TreeSet<>();
    try {
      for (int i = 0; i < 25; i++) {
        counts.add(sql.count("SELECT count(*) FROM switched.events WHERE \"date\" = '2026-11-24'"));
      }
    } finally {
      done.set(true);
      switcher.join();
    }
    assertThat(switcherFailure.get()).isNull();
    assertThat(switches.get()).isGreaterThan(1);
    assertThat(counts).isSubsetOf(3L, 5L);
    assertThat(sql.count("SELECT count(*) FROM switched.events WHERE \"date\" = '2026-11-25'"))
        .isEqualTo(7);
  }
}
