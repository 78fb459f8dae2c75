package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetPartitionsResponse;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

class GlueStandInTest {

  @TempDir static Path dir;
  private static StandInStack stack;
  private static GlueClient glue;

  @BeforeAll
  static void start() throws Exception {
    stack = StandInStack.start(dir);
    glue = stack.glue();
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  private static TableInput eventsTable(String name) {
    return TableInput.builder()
        .name(name)
        .tableType("EXTERNAL_TABLE")
        .parameters(Map.of("classification", "parquet", "custom", "kept"))
        .partitionKeys(Column.builder().name("date").type("string").build())
        .storageDescriptor(
            StorageDescriptor.builder()
                .location("s3://lake/events/")
                .columns(
                    Column.builder().name("id").type("bigint").build(),
                    Column.builder().name("note").type("string").comment("free text").build())
                .inputFormat("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                .serdeInfo(
                    s ->
                        s.serializationLibrary(
                            "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"))
                .build())
        .build();
  }

  private static PartitionInput partition(String date) {
    return PartitionInput.builder()
        .values(date)
        .storageDescriptor(s -> s.location("s3://lake/events/date=" + date + "/"))
        .build();
  }

  @Test
  void databasesRoundTripWithTheServiceFieldsAndLowerCaseNames() {
    glue.createDatabase(
        b ->
            b.databaseInput(
                d -> d.name("Sales_DB").description("sales").parameters(Map.of("k", "v"))));

    Database database = glue.getDatabase(b -> b.name("sales_db")).database();
    assertThat(database.name()).isEqualTo("sales_db");
    assertThat(database.description()).isEqualTo("sales");
    assertThat(database.parameters()).containsEntry("k", "v");
    assertThat(database.catalogId()).isEqualTo("000000000000");
    assertThat(database.createTime()).isNotNull();

    glue.updateDatabase(
        b -> b.name("sales_db").databaseInput(d -> d.name("sales_db").description("new")));
    assertThat(glue.getDatabase(b -> b.name("SALES_DB")).database().description()).isEqualTo("new");
    assertThat(glue.getDatabase(b -> b.name("sales_db")).database().createTime())
        .isEqualTo(database.createTime());

    assertThatThrownBy(() -> glue.createDatabase(b -> b.databaseInput(d -> d.name("sales_db"))))
        .isInstanceOf(AlreadyExistsException.class);

    glue.deleteDatabase(b -> b.name("sales_db"));
    assertThatThrownBy(() -> glue.getDatabase(b -> b.name("sales_db")))
        .isInstanceOf(EntityNotFoundException.class)
        .hasMessageContaining("Database sales_db not found.");
  }

  @Test
  void getDatabasesPages() {
    for (int i = 0; i < 5; i++) {
      String name = "paged_" + i;
      glue.createDatabase(b -> b.databaseInput(d -> d.name(name)));
    }
    List<String> names = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      var page = glue.getDatabases(b -> b.maxResults(2).nextToken(next));
      page.databaseList().forEach(d -> names.add(d.name()));
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(names).contains("paged_0", "paged_1", "paged_2", "paged_3", "paged_4");
    assertThat(names).doesNotHaveDuplicates();
    assertThat(pages).isGreaterThanOrEqualTo(3);
  }

  @Test
  void tablesRoundTripAndUpdatesAreVersioned() {
    glue.createDatabase(b -> b.databaseInput(d -> d.name("tables_db")));
    glue.createTable(b -> b.databaseName("tables_db").tableInput(eventsTable("Events")));

    Table table = glue.getTable(b -> b.databaseName("TABLES_DB").name("events")).table();
    assertThat(table.name()).isEqualTo("events");
    assertThat(table.databaseName()).isEqualTo("tables_db");
    assertThat(table.versionId()).isEqualTo("0");
    assertThat(table.isRegisteredWithLakeFormation()).isFalse();
    assertThat(table.createTime()).isNotNull();
    assertThat(table.parameters()).containsEntry("custom", "kept");
    assertThat(table.storageDescriptor().columns())
        .extracting(Column::name, Column::type, Column::comment)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("id", "bigint", null),
            org.assertj.core.groups.Tuple.tuple("note", "string", "free text"));
    assertThat(table.storageDescriptor().serdeInfo().serializationLibrary()).contains("Parquet");
    assertThat(table.partitionKeys()).extracting(Column::name).containsExactly("date");

    TableInput renamedKey =
        eventsTable("events").toBuilder()
            .partitionKeys(Column.builder().name("day").type("string").build())
            .build();
    glue.updateTable(b -> b.databaseName("tables_db").tableInput(renamedKey).versionId("0"));
    Table updated = glue.getTable(b -> b.databaseName("tables_db").name("events")).table();
    assertThat(updated.versionId()).isEqualTo("1");
    assertThat(updated.partitionKeys()).extracting(Column::name).containsExactly("day");
    assertThat(updated.createTime()).isEqualTo(table.createTime());

    assertThatThrownBy(
            () ->
                glue.updateTable(
                    b -> b.databaseName("tables_db").tableInput(renamedKey).versionId("0")))
        .isInstanceOf(ConcurrentModificationException.class);

    assertThat(
            glue.getTableVersions(b -> b.databaseName("tables_db").tableName("events"))
                .tableVersions())
        .extracting(v -> v.versionId())
        .containsExactly("1", "0");

    glue.createTable(b -> b.databaseName("tables_db").tableInput(eventsTable("other")));
    assertThat(glue.getTables(b -> b.databaseName("tables_db").expression("ev*")).tableList())
        .extracting(Table::name)
        .containsExactly("events");

    glue.deleteTable(b -> b.databaseName("tables_db").name("events"));
    assertThatThrownBy(() -> glue.getTable(b -> b.databaseName("tables_db").name("events")))
        .isInstanceOf(EntityNotFoundException.class)
        .hasMessageContaining("Table events not found.");
  }

  @Test
  void missingDatabasesAndMembersAreTypedErrors() {
    assertThatThrownBy(
            () -> glue.createTable(b -> b.databaseName("nowhere").tableInput(eventsTable("t"))))
        .isInstanceOf(EntityNotFoundException.class)
        .hasMessageContaining("Database nowhere not found.");
    assertThatThrownBy(
            () -> glue.createDatabase(b -> b.databaseInput(d -> d.description("no name"))))
        .isInstanceOf(ModelRefusal.glue())
        .hasMessageContaining("databaseInput.name");
    assertThatThrownBy(() -> glue.getTable(b -> b.name("t")))
        .isInstanceOf(ModelRefusal.glue())
        .hasMessageContaining("databaseName");
  }

  @Test
  void batchCreatePartitionReportsExistingPartitionsAsErrors() {
    glue.createDatabase(b -> b.databaseInput(d -> d.name("parts_db")));
    glue.createTable(b -> b.databaseName("parts_db").tableInput(eventsTable("events")));
    glue.createPartition(
        b ->
            b.databaseName("parts_db").tableName("events").partitionInput(partition("2026-11-24")));

    BatchCreatePartitionResponse response =
        glue.batchCreatePartition(
            b ->
                b.databaseName("parts_db")
                    .tableName("events")
                    .partitionInputList(partition("2026-11-24"), partition("2026-11-25")));

    assertThat(response.errors()).hasSize(1);
    assertThat(response.errors().get(0).partitionValues()).containsExactly("2026-11-24");
    assertThat(response.errors().get(0).errorDetail().errorCode())
        .isEqualTo("AlreadyExistsException");
    Partition created =
        glue.getPartition(
                b -> b.databaseName("parts_db").tableName("events").partitionValues("2026-11-25"))
            .partition();
    assertThat(created.storageDescriptor().location())
        .isEqualTo("s3://lake/events/date=2026-11-25/");
    assertThat(created.tableName()).isEqualTo("events");
    assertThat(created.creationTime()).isNotNull();

    assertThatThrownBy(
            () ->
                glue.batchCreatePartition(
                    b ->
                        b.databaseName("parts_db")
                            .tableName("nope")
                            .partitionInputList(partition("x"))))
        .isInstanceOf(EntityNotFoundException.class);
    assertThatThrownBy(
            () ->
                glue.createPartition(
                    b ->
                        b.databaseName("parts_db")
                            .tableName("events")
                            .partitionInput(p -> p.values("a", "b"))))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void getPartitionsPagesAndFilters() {
    glue.createDatabase(b -> b.databaseInput(d -> d.name("paging_db")));
    glue.createTable(b -> b.databaseName("paging_db").tableInput(eventsTable("events")));
    List<PartitionInput> inputs = new ArrayList<>();
    for (int day = 1; day <= 7; day++) {
      inputs.add(partition("2026-11-0" + day));
    }
    glue.batchCreatePartition(
        b -> b.databaseName("paging_db").tableName("events").partitionInputList(inputs));

    List<String> dates = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      GetPartitionsResponse page =
          glue.getPartitions(
              b -> b.databaseName("paging_db").tableName("events").maxResults(3).nextToken(next));
      assertThat(page.partitions()).hasSizeLessThanOrEqualTo(3);
      page.partitions().forEach(p -> dates.add(p.values().get(0)));
      token = page.nextToken();
      pages++;
    } while (token != null);
    assertThat(pages).isEqualTo(3);
    assertThat(dates).hasSize(7).doesNotHaveDuplicates();

    assertThat(
            glue.getPartitions(
                    b ->
                        b.databaseName("paging_db")
                            .tableName("events")
                            .expression(
                                "date in ('2026-11-02', '2026-11-05') or date = '2026-11-07'"))
                .partitions())
        .extracting(p -> p.values().get(0))
        .containsExactlyInAnyOrder("2026-11-02", "2026-11-05", "2026-11-07");
    assertThat(
            glue.getPartitions(
                    b ->
                        b.databaseName("paging_db")
                            .tableName("events")
                            .expression("date >= '2026-11-06'"))
                .partitions())
        .hasSize(2);

    var batch =
        glue.batchGetPartition(
            b ->
                b.databaseName("paging_db")
                    .tableName("events")
                    .partitionsToGet(
                        PartitionValueList.builder().values("2026-11-01").build(),
                        PartitionValueList.builder().values("1999-01-01").build()));
    assertThat(batch.partitions()).extracting(p -> p.values().get(0)).containsExactly("2026-11-01");
    assertThat(batch.unprocessedKeys()).isEmpty();

    glue.updatePartition(
        b ->
            b.databaseName("paging_db")
                .tableName("events")
                .partitionValueList("2026-11-01")
                .partitionInput(
                    p ->
                        p.values("2026-11-01")
                            .storageDescriptor(s -> s.location("s3://lake/moved/"))));
    assertThat(
            glue.getPartition(
                    b ->
                        b.databaseName("paging_db")
                            .tableName("events")
                            .partitionValues("2026-11-01"))
                .partition()
                .storageDescriptor()
                .location())
        .isEqualTo("s3://lake/moved/");

    glue.deletePartition(
        b -> b.databaseName("paging_db").tableName("events").partitionValues("2026-11-01"));
    var deleted =
        glue.batchDeletePartition(
            b ->
                b.databaseName("paging_db")
                    .tableName("events")
                    .partitionsToDelete(
                        PartitionValueList.builder().values("2026-11-02").build(),
                        PartitionValueList.builder().values("2026-11-01").build()));
    assertThat(deleted.errors()).hasSize(1);
    assertThat(deleted.errors().get(0).errorDetail().errorCode())
        .isEqualTo("EntityNotFoundException");
    assertThat(
            glue.getPartitions(b -> b.databaseName("paging_db").tableName("events")).partitions())
        .hasSize(5);
  }

  @Test
  void deletingADatabaseDeletesItsTables() {
    glue.createDatabase(b -> b.databaseInput(d -> d.name("doomed_db")));
    glue.createTable(b -> b.databaseName("doomed_db").tableInput(eventsTable("events")));
    glue.deleteDatabase(b -> b.name("doomed_db"));
    glue.createDatabase(b -> b.databaseInput(d -> d.name("doomed_db")));

    assertThat(glue.getTables(b -> b.databaseName("doomed_db")).tableList()).isEmpty();
  }

  @Test
  void theCatalogSurvivesARestart(@TempDir Path restartDir) throws Exception {
    try (StandInStack own = StandInStack.start(restartDir)) {
      GlueClient client = own.glue();
      client.createDatabase(b -> b.databaseInput(d -> d.name("kept_db")));
      client.createTable(b -> b.databaseName("kept_db").tableInput(eventsTable("events")));
      client.updateTable(b -> b.databaseName("kept_db").tableInput(eventsTable("events")));
      client.batchCreatePartition(
          b ->
              b.databaseName("kept_db")
                  .tableName("events")
                  .partitionInputList(partition("2026-11-24")));

      own.restartStandIn();

      GlueClient after = own.glue();
      assertThat(after.getDatabase(b -> b.name("kept_db")).database().name()).isEqualTo("kept_db");
      Table table = after.getTable(b -> b.databaseName("kept_db").name("events")).table();
      assertThat(table.versionId()).isEqualTo("1");
      assertThat(table.parameters()).containsEntry("custom", "kept");
      assertThat(
              after
                  .getTableVersions(b -> b.databaseName("kept_db").tableName("events"))
                  .tableVersions())
          .hasSize(2);
      assertThat(
              after.getPartitions(b -> b.databaseName("kept_db").tableName("events")).partitions())
          .extracting(p -> p.values().get(0))
          .containsExactly("2026-11-24");
    }
  }
}
