package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerMetrics;
import software.amazon.awssdk.services.glue.model.CrawlerNotRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.CrawlerStoppingException;
import software.amazon.awssdk.services.glue.model.CrawlerTargets;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.S3Target;
import software.amazon.awssdk.services.glue.model.SchemaChangePolicy;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.glue.model.UpdateBehavior;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.s3.S3Client;

/** Glue crawlers that crawl the embedded S3, driven with the AWS SDK. */
class GlueCrawlerStandInTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/glue-crawler";
  private static final String SPECTRUM_ROLE = "arn:aws:iam::123456789012:role/spectrum";
  private static final Duration CRAWL = Duration.ofMillis(600);
  private static final String INHERIT =
      "{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":{\"AddOrUpdateBehavior\":\"InheritFromTable\"}}}";
  private static final String MERGE =
      "{\"Version\":1.0,\"CrawlerOutput\":{\"Tables\":{\"AddOrUpdateBehavior\":\"MergeNewColumns\"}}}";

  @TempDir static Path dir;
  @TempDir static Path files;
  private static StandInStack stack;
  private static GlueClient glue;
  private static S3Client s3;
  private static DataApiCalls sql;

  @BeforeAll
  static void start() throws Exception {
    stack = StandInStack.start(dir, settings -> settings.withCrawlDuration(CRAWL));
    glue = stack.glue();
    s3 = stack.s3();
    sql = new DataApiCalls(stack.redshiftData(), "local", "awsuser");
    s3.createBucket(b -> b.bucket("lake"));
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  // ---- helpers

  private static void put(String key, Path file) {
    s3.putObject(b -> b.bucket("lake").key(key), RequestBody.fromFile(file));
  }

  private static void putText(String key, String text) {
    s3.putObject(b -> b.bucket("lake").key(key), RequestBody.fromString(text));
  }

  private static Path parquet(String name, String select) throws Exception {
    return ParquetFiles.write(files, name, select);
  }

  private static void createCrawler(String name, String database, String path) {
    glue.createCrawler(
        b ->
            b.name(name)
                .role(ROLE)
                .databaseName(database)
                .targets(t -> t.s3Targets(S3Target.builder().path(path).build())));
  }

  /** Starts the crawler and polls it back to READY; the states seen, in order, without repeats. */
  private static List<CrawlerState> crawl(String name) throws InterruptedException {
    glue.startCrawler(b -> b.name(name));
    List<CrawlerState> seen = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    CrawlerState state;
    do {
      assertThat(System.nanoTime()).as("crawler %s still running", name).isLessThan(deadline);
      state = crawler(name).state();
      if (seen.isEmpty() || seen.get(seen.size() - 1) != state) {
        seen.add(state);
      }
      Thread.sleep(20);
    } while (state != CrawlerState.READY);
    return seen;
  }

  private static LastCrawlInfo crawlSucceeding(String name) throws InterruptedException {
    crawl(name);
    LastCrawlInfo last = crawler(name).lastCrawl();
    assertThat(last.status())
        .as("%s: %s", name, last.errorMessage())
        .isEqualTo(LastCrawlStatus.SUCCEEDED);
    return last;
  }

  private static Crawler crawler(String name) {
    return glue.getCrawler(b -> b.name(name)).crawler();
  }

  private static Table table(String database, String name) {
    return glue.getTable(b -> b.databaseName(database).name(name)).table();
  }

  private static List<Partition> partitions(String database, String table) {
    return glue.getPartitions(b -> b.databaseName(database).tableName(table)).partitions();
  }

  private static Map<String, String> columns(List<Column> columns) {
    Map<String, String> types = new LinkedHashMap<>();
    columns.forEach(c -> types.put(c.name(), c.type()));
    return types;
  }

  private static void renamePartitionKey(String database, String tableName, String newName) {
    Table table = table(database, tableName);
    TableInput input =
        TableInput.builder()
            .name(table.name())
            .tableType(table.tableType())
            .parameters(table.parameters())
            .storageDescriptor(table.storageDescriptor())
            .partitionKeys(Column.builder().name(newName).type("string").build())
            .build();
    glue.updateTable(b -> b.databaseName(database).tableInput(input));
  }

  // ---- tests

  @Test
  void aCrawlPassesThroughRunningAndStoppingAndMakesATableOfHivePartitions() throws Exception {
    Path day24 =
        parquet("h24.parquet", "SELECT i::BIGINT AS id, 'a' || i AS note FROM range(3) r(i)");
    Path day25 = parquet("h25.parquet", "SELECT i::BIGINT AS id, 'b' AS note FROM range(2) r(i)");
    put("hive/Click-Events/date=2026-11-24/part-0.parquet", day24);
    put("hive/Click-Events/date=2026-11-25/part-0.parquet", day25);
    put("hive/Click-Events/date=2026-11-25/.part-0.parquet.crc", day25);
    put("hive/Click-Events/date=2026-11-25/_SUCCESS", day25);
    putText("hive/Click-Events/date=2026-11-25/empty.parquet", "");
    putText("hive/Click-Events/date=2026-11-26/", ""); // a folder marker
    put(
        "hive/Click-Events/date=2026-11-25/skip-me.parquet",
        parquet("secret.parquet", "SELECT 1::BIGINT AS id, 'x' AS secret"));
    glue.createCrawler(
        b ->
            b.name("hive-crawler")
                .role(ROLE)
                .databaseName("Crawled_Hive")
                .tablePrefix("raw_")
                .targets(
                    t ->
                        t.s3Targets(
                            S3Target.builder()
                                .path("s3://lake/hive/Click-Events/")
                                .exclusions("**/skip-*")
                                .build())));

    Crawler created = crawler("hive-crawler");
    assertThat(created.state()).isEqualTo(CrawlerState.READY);
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.schemaChangePolicy().updateBehavior())
        .isEqualTo(UpdateBehavior.UPDATE_IN_DATABASE);
    assertThat(created.lastCrawl()).isNull();

    glue.startCrawler(b -> b.name("hive-crawler"));
    assertThatThrownBy(() -> glue.startCrawler(b -> b.name("hive-crawler")))
        .isInstanceOf(CrawlerRunningException.class)
        .hasMessageContaining("hive-crawler");
    List<CrawlerState> seen = new ArrayList<>();
    CrawlerState state;
    do {
      Crawler running = crawler("hive-crawler");
      state = running.state();
      if (state == CrawlerState.RUNNING) {
        assertThat(running.crawlElapsedTime()).isNotNegative();
      }
      if (seen.isEmpty() || seen.get(seen.size() - 1) != state) {
        seen.add(state);
      }
      Thread.sleep(20);
    } while (state != CrawlerState.READY);
    assertThat(seen)
        .containsExactly(CrawlerState.RUNNING, CrawlerState.STOPPING, CrawlerState.READY);

    Crawler done = crawler("hive-crawler");
    LastCrawlInfo last = done.lastCrawl();
    assertThat(last.status()).as(last.errorMessage()).isEqualTo(LastCrawlStatus.SUCCEEDED);
    assertThat(last.errorMessage()).isNull();
    assertThat(last.logGroup()).isEqualTo("/aws-glue/crawlers");
    assertThat(last.logStream()).isEqualTo("hive-crawler");
    assertThat(last.messagePrefix()).isNotBlank();
    assertThat(last.startTime()).isBefore(java.time.Instant.now());
    assertThat(done.crawlElapsedTime()).isZero();

    Table table = table("crawled_hive", "raw_click_events");
    assertThat(table.tableType()).isEqualTo("EXTERNAL_TABLE");
    assertThat(table.partitionKeys())
        .extracting(Column::name, Column::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("date", "string"));
    assertThat(columns(table.storageDescriptor().columns()))
        .containsExactly(Map.entry("id", "bigint"), Map.entry("note", "string"));
    assertThat(table.storageDescriptor().location()).isEqualTo("s3://lake/hive/Click-Events/");
    assertThat(table.storageDescriptor().serdeInfo().serializationLibrary())
        .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
    assertThat(table.storageDescriptor().inputFormat())
        .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat");
    assertThat(table.storageDescriptor().outputFormat())
        .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat");
    assertThat(table.parameters())
        .containsEntry("classification", "parquet")
        .containsEntry("UPDATED_BY_CRAWLER", "hive-crawler")
        .containsEntry("CrawlerSchemaDeserializerVersion", "1.0")
        .containsEntry("CrawlerSchemaSerializerVersion", "1.0")
        .containsEntry("objectCount", "2")
        .containsEntry("recordCount", "5")
        .containsEntry("typeOfData", "file")
        .containsEntry("compressionType", "none")
        .containsKeys("averageRecordSize", "sizeKey");

    List<Partition> partitions = partitions("crawled_hive", "raw_click_events");
    assertThat(partitions)
        .extracting(p -> p.values().get(0) + " " + p.storageDescriptor().location())
        .containsExactlyInAnyOrder(
            "2026-11-24 s3://lake/hive/Click-Events/date=2026-11-24/",
            "2026-11-25 s3://lake/hive/Click-Events/date=2026-11-25/");
    assertThat(partitions.get(0).parameters()).containsEntry("objectCount", "1");

    CrawlerMetrics metrics =
        glue.getCrawlerMetrics(b -> b.crawlerNameList("hive-crawler")).crawlerMetricsList().get(0);
    assertThat(metrics.tablesCreated()).isEqualTo(1);
    assertThat(metrics.tablesUpdated()).isZero();
    assertThat(metrics.lastRuntimeSeconds()).isGreaterThanOrEqualTo(0.5);

    // a second crawl over unchanged data changes nothing
    crawlSucceeding("hive-crawler");
    assertThat(table("crawled_hive", "raw_click_events").versionId()).isEqualTo("0");
  }

  @Test
  void plainDateFoldersBecomePartition0AndColumnTypesComeFromTheFooters() throws Exception {
    put(
        "legacy/Sessions/2020-02-19/08:54:13.443244.parquet",
        TypedParquet.write(files, "t1.parquet", 3));
    put(
        "legacy/Sessions/2020-02-20/09:00:00.000001.parquet",
        TypedParquet.write(files, "t2.parquet", 2));
    createCrawler("legacy-crawler", "crawled_legacy", "s3://lake/legacy/Sessions");

    crawlSucceeding("legacy-crawler");

    Table table = table("crawled_legacy", "sessions");
    assertThat(table.partitionKeys()).extracting(Column::name).containsExactly("partition_0");
    assertThat(columns(table.storageDescriptor().columns()))
        .containsExactly(
            Map.entry("id", "bigint"),
            Map.entry("n", "int"),
            Map.entry("price", "double"),
            Map.entry("ratio", "float"),
            Map.entry("ok", "boolean"),
            Map.entry("note", "string"),
            Map.entry("ts_micros", "timestamp"),
            Map.entry("ts_local", "bigint"),
            Map.entry("legacy", "timestamp"),
            Map.entry("day", "date"),
            Map.entry("amount", "decimal(10,2)"),
            Map.entry("raw", "binary"));
    assertThat(partitions("crawled_legacy", "sessions"))
        .extracting(p -> p.values().get(0) + " " + p.storageDescriptor().location())
        .containsExactlyInAnyOrder(
            "2020-02-19 s3://lake/legacy/Sessions/2020-02-19/",
            "2020-02-20 s3://lake/legacy/Sessions/2020-02-20/");

    sql.run(
        "CREATE EXTERNAL SCHEMA legacy FROM DATA CATALOG DATABASE 'crawled_legacy' IAM_ROLE '"
            + SPECTRUM_ROLE
            + "'");
    assertThat(sql.count("SELECT count(*) FROM legacy.sessions")).isEqualTo(5);
    assertThat(sql.count("SELECT count(*) FROM legacy.sessions WHERE partition_0 = '2020-02-19'"))
        .isEqualTo(3);
    List<Field> row =
        sql.rows(
                "SELECT ts_micros, legacy, ts_local, day, amount, note, partition_0"
                    + " FROM legacy.sessions WHERE id = 1 AND partition_0 = '2020-02-20'")
            .get(0);
    assertThat(row.get(0).stringValue()).isEqualTo("2020-09-13 12:26:40");
    assertThat(row.get(1).stringValue()).isEqualTo("2020-09-13 12:26:40");
    assertThat(row.get(2).longValue()).isEqualTo(TypedParquet.MICROS);
    assertThat(row.get(3).stringValue()).isEqualTo("2020-09-13");
    assertThat(row.get(4).stringValue()).isEqualTo("123.45");
    assertThat(row.get(5).stringValue()).isEqualTo("row 1");
    assertThat(row.get(6).stringValue()).isEqualTo("2020-02-20");
  }

  @Test
  void aRenamedPartitionKeySurvivesLogWithInheritFromTableAndUpdateInDatabaseUndoesIt()
      throws Exception {
    Path file = parquet("r.parquet", "SELECT i::BIGINT AS id FROM range(4) r(i)");
    put("renamed/visits/2026-11-24/a.parquet", file);
    createCrawler("rename-crawler", "crawled_renamed", "s3://lake/renamed/visits/");
    crawlSucceeding("rename-crawler");
    renamePartitionKey("crawled_renamed", "visits", "date");

    glue.updateCrawler(
        b ->
            b.name("rename-crawler")
                .schemaChangePolicy(
                    SchemaChangePolicy.builder().updateBehavior(UpdateBehavior.LOG).build())
                .configuration(INHERIT));
    assertThat(crawler("rename-crawler").version()).isEqualTo(2);
    put(
        "renamed/visits/2026-11-25/b.parquet",
        parquet("r2.parquet", "SELECT i::BIGINT AS id, 'new' AS extra FROM range(2) r(i)"));
    crawlSucceeding("rename-crawler");

    Table kept = table("crawled_renamed", "visits");
    assertThat(kept.partitionKeys()).extracting(Column::name).containsExactly("date");
    assertThat(columns(kept.storageDescriptor().columns())).containsOnlyKeys("id");
    List<Partition> partitions = partitions("crawled_renamed", "visits");
    assertThat(partitions)
        .extracting(p -> p.values().get(0))
        .containsExactlyInAnyOrder("2026-11-24", "2026-11-25");
    for (Partition partition : partitions) {
      assertThat(partition.storageDescriptor().columns())
          .isEqualTo(kept.storageDescriptor().columns());
      assertThat(partition.storageDescriptor().location())
          .isEqualTo("s3://lake/renamed/visits/" + partition.values().get(0) + "/");
    }
    sql.run(
        "CREATE EXTERNAL SCHEMA renamed FROM DATA CATALOG DATABASE 'crawled_renamed' IAM_ROLE '"
            + SPECTRUM_ROLE
            + "'");
    assertThat(sql.count("SELECT count(*) FROM renamed.visits WHERE \"date\" = '2026-11-25'"))
        .isEqualTo(2);

    glue.updateCrawler(
        b ->
            b.name("rename-crawler")
                .schemaChangePolicy(
                    SchemaChangePolicy.builder()
                        .updateBehavior(UpdateBehavior.UPDATE_IN_DATABASE)
                        .build())
                .configuration("{\"Version\":1.0}"));
    crawlSucceeding("rename-crawler");

    Table undone = table("crawled_renamed", "visits");
    assertThat(undone.partitionKeys()).extracting(Column::name).containsExactly("partition_0");
    assertThat(columns(undone.storageDescriptor().columns())).containsOnlyKeys("id", "extra");
    assertThat(
            glue.getCrawlerMetrics(b -> b.crawlerNameList("rename-crawler"))
                .crawlerMetricsList()
                .get(0)
                .tablesUpdated())
        .isEqualTo(1);
  }

  @Test
  void mergeNewColumnsOnlyAddsColumns() throws Exception {
    put(
        "merge/orders/day=1/a.parquet",
        parquet("m1.parquet", "SELECT 1::BIGINT AS id, 'x' AS note"));
    glue.createCrawler(
        b ->
            b.name("merge-crawler")
                .role(ROLE)
                .databaseName("crawled_merge")
                .configuration(MERGE)
                .targets(
                    t -> t.s3Targets(S3Target.builder().path("s3://lake/merge/orders/").build())));
    crawlSucceeding("merge-crawler");
    Table table = table("crawled_merge", "orders");
    TableInput edited =
        TableInput.builder()
            .name("orders")
            .tableType(table.tableType())
            .parameters(table.parameters())
            .partitionKeys(table.partitionKeys())
            .storageDescriptor(
                table.storageDescriptor().toBuilder()
                    .columns(
                        Column.builder().name("id").type("bigint").build(),
                        Column.builder().name("note").type("varchar(20)").comment("kept").build())
                    .build())
            .build();
    glue.updateTable(b -> b.databaseName("crawled_merge").tableInput(edited));

    put(
        "merge/orders/day=2/b.parquet",
        parquet("m2.parquet", "SELECT 2::BIGINT AS id, 'y' AS note, 2.5::DOUBLE AS price"));
    crawlSucceeding("merge-crawler");

    Table merged = table("crawled_merge", "orders");
    assertThat(columns(merged.storageDescriptor().columns()))
        .containsExactly(
            Map.entry("id", "bigint"),
            Map.entry("note", "varchar(20)"),
            Map.entry("price", "double"));
    assertThat(merged.storageDescriptor().columns().get(1).comment()).isEqualTo("kept");
    assertThat(merged.partitionKeys()).extracting(Column::name).containsExactly("day");
    assertThat(partitions("crawled_merge", "orders")).hasSize(2);
  }

  @Test
  void aCrawlWithoutReadableParquetFails() throws Exception {
    createCrawler("empty-crawler", "crawled_empty", "s3://lake/nothing-here/");
    crawl("empty-crawler");
    LastCrawlInfo empty = crawler("empty-crawler").lastCrawl();
    assertThat(empty.status()).isEqualTo(LastCrawlStatus.FAILED);
    assertThat(empty.errorMessage())
        .contains("No readable Parquet data under s3://lake/nothing-here/");

    putText("text-only/logs/a.parquet", "not parquet at all");
    putText("text-only/logs/b.csv", "a,b\n1,2\n");
    createCrawler("text-crawler", "crawled_text", "s3://lake/text-only/logs/");
    crawl("text-crawler");
    LastCrawlInfo text = crawler("text-crawler").lastCrawl();
    assertThat(text.status()).isEqualTo(LastCrawlStatus.FAILED);
    assertThat(text.errorMessage()).contains("2 object(s) are not Parquet files");
    assertThat(glue.getDatabases(b -> {}).databaseList())
        .extracting(d -> d.name())
        .doesNotContain("crawled_text");
  }

  @Test
  void aStoppedCrawlEndsCancelled() throws Exception {
    put("stopped/t/a.parquet", parquet("s.parquet", "SELECT 1::BIGINT AS id"));
    createCrawler("stop-crawler", "crawled_stop", "s3://lake/stopped/t/");
    assertThatThrownBy(() -> glue.stopCrawler(b -> b.name("stop-crawler")))
        .isInstanceOf(CrawlerNotRunningException.class);

    glue.startCrawler(b -> b.name("stop-crawler"));
    glue.stopCrawler(b -> b.name("stop-crawler"));
    assertThat(crawler("stop-crawler").state()).isEqualTo(CrawlerState.STOPPING);
    assertThatThrownBy(() -> glue.stopCrawler(b -> b.name("stop-crawler")))
        .isInstanceOf(CrawlerStoppingException.class);
    assertThatThrownBy(() -> glue.startCrawler(b -> b.name("stop-crawler")))
        .isInstanceOf(CrawlerRunningException.class);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (crawler("stop-crawler").state() != CrawlerState.READY) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(20);
    }
    assertThat(crawler("stop-crawler").lastCrawl().status()).isEqualTo(LastCrawlStatus.CANCELLED);
  }

  @Test
  void crawlerRequestsAreCheckedAsGlueChecksThem() {
    createCrawler("checked-crawler", "crawled_checked", "s3://lake/checked/");
    assertThatThrownBy(() -> createCrawler("checked-crawler", "other", "s3://lake/other/"))
        .isInstanceOf(AlreadyExistsException.class);
    assertThatThrownBy(
            () ->
                glue.createCrawler(
                    b ->
                        b.name("no-role")
                            .databaseName("db")
                            .targets(
                                t -> t.s3Targets(S3Target.builder().path("s3://lake/x/").build()))))
        .isInstanceOf(ModelRefusal.glue())
        .hasMessageContaining("role");
    assertThatThrownBy(
            () ->
                glue.createCrawler(
                    b ->
                        b.name("no-db")
                            .role(ROLE)
                            .targets(
                                t -> t.s3Targets(S3Target.builder().path("s3://lake/x/").build()))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("databaseName");
    assertThatThrownBy(
            () -> glue.createCrawler(b -> b.name("no-targets").role(ROLE).databaseName("db")))
        .isInstanceOf(ModelRefusal.glue())
        .hasMessageContaining("targets");
    assertThatThrownBy(
            () ->
                glue.createCrawler(
                    b ->
                        b.name("no-s3")
                            .role(ROLE)
                            .databaseName("db")
                            .targets(CrawlerTargets.builder().build())))
        .isInstanceOf(InvalidInputException.class);
    for (String configuration :
        List.of(
            "not json",
            "{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":{\"AddOrUpdateBehavior\":\"Sometimes\"}}}",
            "{\"Version\":1.0,\"Unknown\":true}",
            "{\"CrawlerOutput\":{}}")) {
      assertThatThrownBy(
              () -> glue.updateCrawler(b -> b.name("checked-crawler").configuration(configuration)))
          .as(configuration)
          .isInstanceOf(InvalidInputException.class);
    }
    assertThat(crawler("checked-crawler").version()).isEqualTo(1);
    assertThatThrownBy(() -> glue.getCrawler(b -> b.name("missing")))
        .isInstanceOf(EntityNotFoundException.class)
        .hasMessageContaining("missing");
    assertThatThrownBy(() -> glue.startCrawler(b -> b.name("missing")))
        .isInstanceOf(EntityNotFoundException.class);
    assertThatThrownBy(() -> glue.deleteCrawler(b -> b.name("missing")))
        .isInstanceOf(EntityNotFoundException.class);
  }

  @Test
  void crawlersAreListedDeletedAndSurviveARestart(@TempDir Path restartDir) throws Exception {
    try (StandInStack own =
        StandInStack.start(restartDir, settings -> settings.withCrawlDuration(Duration.ZERO))) {
      GlueClient client = own.glue();
      own.s3().createBucket(b -> b.bucket("lake"));
      own.s3()
          .putObject(
              b -> b.bucket("lake").key("kept/t/a.parquet"),
              RequestBody.fromFile(parquet("k.parquet", "SELECT 1::BIGINT AS id")));
      for (String name : List.of("c-one", "c-two", "c-three")) {
        client.createCrawler(
            b ->
                b.name(name)
                    .role(ROLE)
                    .databaseName("kept")
                    .tags(Map.of("team", name.equals("c-two") ? "b" : "a"))
                    .schedule("cron(15 12 * * ? *)")
                    .targets(
                        t -> t.s3Targets(S3Target.builder().path("s3://lake/kept/t/").build())));
      }
      assertThat(client.listCrawlers(b -> b.maxResults(2)).crawlerNames())
          .containsExactly("c-one", "c-three");
      assertThat(client.listCrawlers(b -> b.tags(Map.of("team", "b"))).crawlerNames())
          .containsExactly("c-two");
      String arn = "arn:aws:glue:us-east-1:000000000000:crawler/c-one";
      client.tagResource(b -> b.resourceArn(arn).tagsToAdd(Map.of("team", "b", "cost", "7")));
      client.untagResource(b -> b.resourceArn(arn).tagsToRemove("cost"));
      assertThat(client.getTags(b -> b.resourceArn(arn)).tags()).isEqualTo(Map.of("team", "b"));
      assertThat(client.listCrawlers(b -> b.tags(Map.of("team", "b"))).crawlerNames())
          .containsExactly("c-one", "c-two");
      assertThatThrownBy(
              () ->
                  client.getTags(
                      b -> b.resourceArn("arn:aws:glue:us-east-1:000000000000:crawler/nope")))
          .isInstanceOf(EntityNotFoundException.class);
      assertThat(
              client.getCrawlersPaginator(b -> b.maxResults(1)).stream()
                  .flatMap(page -> page.crawlers().stream()))
          .extracting(Crawler::name)
          .containsExactly("c-one", "c-three", "c-two");
      var batch = client.batchGetCrawlers(b -> b.crawlerNames("c-one", "nope"));
      assertThat(batch.crawlers()).extracting(Crawler::name).containsExactly("c-one");
      assertThat(batch.crawlersNotFound()).containsExactly("nope");
      Crawler described = client.getCrawler(b -> b.name("c-one")).crawler();
      assertThat(described.schedule().scheduleExpression()).isEqualTo("cron(15 12 * * ? *)");
      assertThat(described.targets().s3Targets().get(0).exclusions()).isEmpty();

      client.startCrawler(b -> b.name("c-one"));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (client.getCrawler(b -> b.name("c-one")).crawler().state() != CrawlerState.READY) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        Thread.sleep(10);
      }
      client.deleteCrawler(b -> b.name("c-three"));

      own.restartStandIn();

      GlueClient after = own.glue();
      assertThat(after.listCrawlers(b -> {}).crawlerNames()).containsExactly("c-one", "c-two");
      Crawler kept = after.getCrawler(b -> b.name("c-one")).crawler();
      assertThat(kept.lastCrawl().status()).isEqualTo(LastCrawlStatus.SUCCEEDED);
      assertThat(kept.creationTime()).isEqualTo(described.creationTime());
      assertThat(after.getCrawlerMetrics(b -> b.crawlerNameList("c-one")).crawlerMetricsList())
          .extracting(CrawlerMetrics::tablesCreated)
          .containsExactly(1);
      assertThat(after.getTable(b -> b.databaseName("kept").name("t")).table().name())
          .isEqualTo("t");
    }
  }
}
