package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.ResourceNotFoundException;
import software.amazon.awssdk.services.redshiftdata.model.SqlParameter;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;
import software.amazon.awssdk.services.redshiftdata.model.ValidationException;
import software.amazon.awssdk.services.s3.S3Client;

class RedshiftDataStandInTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/spectrum";

  @TempDir static Path dir;
  private static StandInStack stack;
  private static RedshiftDataClient data;
  private static GlueClient glue;
  private static S3Client s3;

  @BeforeAll
  static void start() throws Exception {
    stack = StandInStack.start(dir);
    data = stack.redshiftData();
    glue = stack.glue();
    s3 = stack.s3();
    s3.createBucket(b -> b.bucket("lake"));
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  // ---- helpers

  private static String execute(String sql) {
    return data.executeStatement(
            b -> b.clusterIdentifier("local").database("dev").dbUser("awsuser").sql(sql))
        .id();
  }

  private static DescribeStatementResponse await(String id) throws InterruptedException {
    return awaitOn(data, id);
  }

  private static DescribeStatementResponse run(String sql) throws InterruptedException {
    DescribeStatementResponse described = await(execute(sql));
    assertThat(described.status())
        .as("%s: %s", sql, described.error())
        .isEqualTo(StatusString.FINISHED);
    return described;
  }

  private static String failure(String sql) throws InterruptedException {
    DescribeStatementResponse described = await(execute(sql));
    assertThat(described.status()).as(sql).isEqualTo(StatusString.FAILED);
    return described.error();
  }

  private static List<List<Field>> rows(String sql) throws InterruptedException {
    return result(run(sql).id()).records();
  }

  private static Result result(String id) {
    List<List<Field>> records = new ArrayList<>();
    List<ColumnMetadata> columns = null;
    String token = null;
    int pages = 0;
    do {
      String next = token;
      GetStatementResultResponse page = data.getStatementResult(b -> b.id(id).nextToken(next));
      records.addAll(page.records());
      columns = page.columnMetadata();
      token = page.nextToken();
      pages++;
    } while (token != null);
    return new Result(records, columns, pages);
  }

  private record Result(List<List<Field>> records, List<ColumnMetadata> columns, int pages) {}

  private static long count(String sql) throws InterruptedException {
    return rows(sql).get(0).get(0).longValue();
  }

  private static void put(String key, Path file) {
    s3.putObject(b -> b.bucket("lake").key(key), RequestBody.fromFile(file));
  }

  private static Column column(String name, String type) {
    return Column.builder().name(name).type(type).build();
  }

  private static void createExternalSchema(String schema, String glueDatabase)
      throws InterruptedException {
    run(
        "CREATE EXTERNAL SCHEMA IF NOT EXISTS "
            + schema
            + " FROM DATA CATALOG DATABASE '"
            + glueDatabase
            + "' IAM_ROLE '"
            + ROLE
            + "' REGION 'us-east-1' CREATE EXTERNAL DATABASE IF NOT EXISTS");
  }

  // ---- tests

  @Test
  void executeStatementNeedsExactlyOneOfClusterAndWorkgroupAndADatabase() {
    assertThatThrownBy(() -> data.executeStatement(b -> b.database("dev").sql("SELECT 1")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Either ClusterIdentifier or WorkgroupName");
    assertThatThrownBy(
            () ->
                data.executeStatement(
                    b ->
                        b.clusterIdentifier("c")
                            .workgroupName("www")
                            .database("dev")
                            .sql("SELECT 1")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> data.executeStatement(b -> b.workgroupName("www").sql("SELECT 1")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("database");
  }

  @Test
  void spectrumReadsTheRegisteredPartitionsOfAGlueTable(@TempDir Path files) throws Exception {
    String rowsOf24 =
        "SELECT * FROM (VALUES"
            + " (1::BIGINT, TIMESTAMPTZ '2026-11-24 08:54:13.123456+00',"
            + " 'line one' || chr(10) || 'line \"two\" it''s ü 😀', 12.30::DECIMAL(10,2)),"
            + " (2::BIGINT, TIMESTAMPTZ '2026-11-24 23:59:59.1+00', NULL, 0.5::DECIMAL(10,2)),"
            + " (3::BIGINT, TIMESTAMPTZ '2026-11-24 00:00:00+00', 'x', NULL))"
            + " t(id, ts, note, amount)";
    Path day24 = ParquetFiles.write(files, "24.parquet", rowsOf24);
    put("events/date=2026-11-24/part-0.parquet", day24);
    put("events/date=2026-11-24/.part-0.parquet.crc", day24); // hidden: would double the rows
    put("events/date=2026-11-24/_SUCCESS", day24);
    put(
        "events/date=2026-11-25/part-0.parquet",
        ParquetFiles.write(
            files,
            "25.parquet",
            "SELECT i::BIGINT AS id, 'n' || i AS note FROM range(10, 12) r(i)"));
    put(
        "events/date=2026-11-26/part-0.parquet",
        ParquetFiles.write(files, "26.parquet", "SELECT i::BIGINT AS id FROM range(20, 24) r(i)"));

    glue.createDatabase(b -> b.databaseInput(d -> d.name("lakedb")));
    glue.createTable(
        b ->
            b.databaseName("lakedb")
                .tableInput(
                    TableInput.builder()
                        .name("events")
                        .tableType("EXTERNAL_TABLE")
                        .partitionKeys(column("date", "string"))
                        .storageDescriptor(
                            s ->
                                s.location("s3://lake/events/")
                                    .columns(
                                        column("id", "bigint"),
                                        column("ts", "timestamp"),
                                        column("note", "string"),
                                        column("amount", "decimal(10,2)"),
                                        column("absent", "int")))
                        .build()));
    glue.batchCreatePartition(
        b ->
            b.databaseName("lakedb")
                .tableName("events")
                .partitionInputList(partition("2026-11-24"), partition("2026-11-25")));

    run(
        "CREATE EXTERNAL SCHEMA spectrum FROM DATA CATALOG DATABASE 'lakedb'"
            + " IAM_ROLE '"
            + ROLE
            + "' REGION 'us-east-1'");

    assertThat(count("SELECT count(*) FROM spectrum.events")).isEqualTo(5);

    DescribeStatementResponse grouped =
        run("SELECT \"date\", count(*) FROM spectrum.events GROUP BY \"date\" ORDER BY \"date\"");
    Result byDate = result(grouped.id());
    assertThat(byDate.records())
        .extracting(r -> r.get(0).stringValue() + "=" + r.get(1).longValue())
        .containsExactly("2026-11-24=3", "2026-11-25=2");
    assertThat(byDate.columns()).extracting(ColumnMetadata::name).containsExactly("date", "count");
    assertThat(byDate.columns())
        .extracting(ColumnMetadata::typeName)
        .containsExactly("varchar", "int8");
    assertThat(grouped.hasResultSet()).isTrue();
    assertThat(grouped.resultRows()).isEqualTo(2);

    Result first =
        result(
            run("SELECT id, ts, note, amount, absent, \"date\" FROM spectrum.events WHERE id IN (1, 2) ORDER BY id")
                .id());
    assertThat(first.columns())
        .extracting(ColumnMetadata::typeName)
        .containsExactly("int8", "timestamp", "varchar", "numeric", "int4", "varchar");
    List<Field> one = first.records().get(0);
    assertThat(one.get(0).longValue()).isEqualTo(1);
    assertThat(one.get(1).stringValue()).isEqualTo("2026-11-24 08:54:13.123456");
    assertThat(one.get(2).stringValue()).isEqualTo("line one\nline \"two\" it's ü 😀");
    assertThat(one.get(3).stringValue()).isEqualTo("12.30");
    assertThat(one.get(4).isNull()).isTrue();
    assertThat(one.get(5).stringValue()).isEqualTo("2026-11-24");
    List<Field> two = first.records().get(1);
    assertThat(two.get(1).stringValue()).isEqualTo("2026-11-24 23:59:59.1");
    assertThat(two.get(2).isNull()).isTrue();

    assertThat(
            count("SELECT count(*) FROM spectrum.events WHERE \"$path\" LIKE '%date=2026-11-25/%'"))
        .isEqualTo(2);
    List<List<Field>> paths =
        rows("SELECT DISTINCT \"$path\", \"$size\" FROM spectrum.events ORDER BY 1");
    assertThat(paths)
        .extracting(r -> r.get(0).stringValue())
        .containsExactly(
            "s3://lake/events/date=2026-11-24/part-0.parquet",
            "s3://lake/events/date=2026-11-25/part-0.parquet");
    assertThat(paths.get(0).get(1).longValue()).isPositive();
    assertThat(result(run("SELECT * FROM spectrum.events LIMIT 1").id()).columns())
        .extracting(ColumnMetadata::name)
        .containsExactly("id", "ts", "note", "amount", "absent", "date");

    glue.createPartition(
        b -> b.databaseName("lakedb").tableName("events").partitionInput(partition("2026-11-26")));
    assertThat(count("SELECT count(*) FROM spectrum.events")).isEqualTo(9);
  }

  @Test
  void systemViewsShowExternalSchemasTablesColumnsAndPartitions() throws Exception {
    glue.createDatabase(b -> b.databaseInput(d -> d.name("viewsdb")));
    glue.createTable(
        b ->
            b.databaseName("viewsdb")
                .tableInput(
                    TableInput.builder()
                        .name("clicks")
                        .tableType("EXTERNAL_TABLE")
                        .partitionKeys(column("date", "string"))
                        .storageDescriptor(
                            s ->
                                s.location("s3://lake/clicks/")
                                    .inputFormat(
                                        "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat")
                                    .serdeInfo(
                                        d ->
                                            d.serializationLibrary(
                                                "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"))
                                    .columns(column("id", "bigint"), column("at", "timestamp")))
                        .build()));
    glue.batchCreatePartition(
        b ->
            b.databaseName("viewsdb")
                .tableName("clicks")
                .partitionInputList(
                    PartitionInput.builder()
                        .values("2026-11-24")
                        .storageDescriptor(s -> s.location("s3://lake/clicks/date=2026-11-24/"))
                        .build()));
    run(
        "CREATE EXTERNAL SCHEMA views_schema FROM DATA CATALOG DATABASE 'viewsdb'"
            + " IAM_ROLE '"
            + ROLE
            + "' REGION 'us-east-1'");

    assertThat(
            rows(
                "SELECT schemaname, databasename, eskind, esoptions FROM svv_external_schemas"
                    + " WHERE schemaname = 'views_schema'"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.get(0).stringValue()).isEqualTo("views_schema");
              assertThat(r.get(1).stringValue()).isEqualTo("viewsdb");
              assertThat(r.get(2).longValue()).isEqualTo(1);
              assertThat(r.get(3).stringValue())
                  .isEqualTo("{\"IAM_ROLE\":\"" + ROLE + "\",\"REGION\":\"us-east-1\"}");
            });
    assertThat(
            rows(
                "SELECT tablename, location, serialization_lib, compressed"
                    + " FROM SVV_EXTERNAL_TABLES WHERE schemaname = 'views_schema'"))
        .extracting(RedshiftDataStandInTest::line)
        .containsExactly(
            "clicks s3://lake/clicks/"
                + " org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe 0");
    assertThat(
            rows(
                "SELECT columnname, external_type, columnnum, part_key FROM svv_external_columns"
                    + " WHERE schemaname = 'views_schema' ORDER BY columnnum"))
        .extracting(RedshiftDataStandInTest::line)
        .containsExactly("id bigint 1 0", "at timestamp 2 0", "date string 3 1");
    assertThat(
            rows(
                "SELECT tablename, \"values\", location FROM svv_external_partitions"
                    + " WHERE schemaname = 'views_schema'"))
        .extracting(RedshiftDataStandInTest::line)
        .containsExactly("clicks [\"2026-11-24\"] s3://lake/clicks/date=2026-11-24/");
  }

  /** A record's values as text, separated by spaces. */
  private static String line(List<Field> record) {
    return record.stream()
        .map(f -> f.longValue() != null ? f.longValue().toString() : f.stringValue())
        .collect(java.util.stream.Collectors.joining(" "));
  }

  private static PartitionInput partition(String date) {
    return PartitionInput.builder()
        .values(date)
        .storageDescriptor(s -> s.location("s3://lake/events/date=" + date + "/"))
        .build();
  }

  @Test
  void anObjectOverwrittenInS3IsReadAgain(@TempDir Path files) throws Exception {
    glue.createDatabase(b -> b.databaseInput(d -> d.name("plaindb")));
    glue.createTable(
        b ->
            b.databaseName("plaindb")
                .tableInput(
                    t ->
                        t.name("numbers")
                            .storageDescriptor(
                                s -> s.location("s3://lake/numbers").columns(column("n", "int")))));
    put(
        "numbers/data.parquet",
        ParquetFiles.write(files, "a.parquet", "SELECT 1 AS n UNION ALL SELECT 2"));
    createExternalSchema("plain", "plaindb");
    assertThat(count("SELECT sum(n)::bigint FROM plain.numbers")).isEqualTo(3);

    put(
        "numbers/data.parquet",
        ParquetFiles.write(files, "b.parquet", "SELECT i AS n FROM range(1, 5) r(i)"));
    assertThat(count("SELECT sum(n)::bigint FROM plain.numbers")).isEqualTo(10);

    put("numbers/more/data.parquet", ParquetFiles.write(files, "c.parquet", "SELECT 100 AS n"));
    assertThat(count("SELECT sum(n)::bigint FROM plain.numbers")).isEqualTo(110);
  }

  @Test
  void failedStatementsCarryRedshiftsErrorText() throws Exception {
    createExternalSchema("errs", "errsdb");
    assertThat(glue.getDatabase(b -> b.name("errsdb")).database().name()).isEqualTo("errsdb");

    assertThat(failure("SELECT * FROM errs.nope"))
        .isEqualTo("ERROR: relation \"errs.nope\" does not exist");
    assertThat(failure("SELECT * FROM public.nope"))
        .isEqualTo("ERROR: relation \"public.nope\" does not exist");
    assertThat(failure("SELEC 1")).isEqualTo("ERROR: syntax error at or near \"SELEC\"");
    assertThat(
            failure(
                "CREATE EXTERNAL SCHEMA errs FROM DATA CATALOG DATABASE 'errsdb' IAM_ROLE '"
                    + ROLE
                    + "'"))
        .isEqualTo("ERROR: Schema \"errs\" already exists");
    assertThat(
            failure(
                "create external schema other from data catalog database 'missingdb' iam_role default"))
        .contains("missingdb");
    assertThat(
            failure(
                "CREATE EXTERNAL SCHEMA other FROM DATA CATALOG DATABASE 'errsdb' IAM_ROLE 'not-a-role'"))
        .contains("IAM_ROLE");
    DescribeStatementResponse failed = await(execute("SELECT * FROM errs.nope"));
    assertThat(failed.duration()).isNotNegative();
    assertThat(failed.queryString()).isEqualTo("SELECT * FROM errs.nope");
    assertThat(failed.clusterIdentifier()).isEqualTo("local");
    assertThat(failed.dbUser()).isEqualTo("awsuser");
    assertThat(failed.database()).isEqualTo("dev");
    assertThatThrownBy(() -> data.getStatementResult(b -> b.id(failed.id())))
        .isInstanceOf(ResourceNotFoundException.class);

    run("DROP SCHEMA errs");
    assertThat(failure("SELECT * FROM errs.t")).contains("errs");
  }

  @Test
  void unknownStatementIdsAreResourceNotFound() {
    String unknown = UUID.randomUUID().toString();
    assertThatThrownBy(() -> data.describeStatement(b -> b.id(unknown)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> data.getStatementResult(b -> b.id(unknown)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> data.describeStatement(b -> b.id("not-an-id")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void largeResultsArePagedWithNextToken() throws Exception {
    Result result =
        result(run("SELECT i, repeat('x', 1000) AS filler FROM range(2500) r(i) ORDER BY i").id());
    assertThat(result.pages()).isGreaterThan(1);
    assertThat(result.records()).hasSize(2500);
    assertThat(result.records())
        .extracting(r -> r.get(0).longValue())
        .startsWith(0L, 1L, 2L)
        .endsWith(2499L);
  }

  @Test
  void aRetriedExecuteStatementWithTheSameClientTokenIsOneStatement() throws Exception {
    String token = UUID.randomUUID().toString();
    String sql = "SELECT 42 AS answer, '" + token + "' AS marker";
    String first =
        data.executeStatement(
                b -> b.workgroupName("wg1").database("dev").sql(sql).clientToken(token))
            .id();
    String second =
        data.executeStatement(
                b -> b.workgroupName("wg1").database("dev").sql(sql).clientToken(token))
            .id();

    assertThat(second).isEqualTo(first);
    await(first);
    assertThat(data.listStatements(b -> b.maxResults(100)).statements())
        .filteredOn(s -> s.queryString() != null && s.queryString().contains(token))
        .hasSize(1);
    assertThat(data.describeStatement(b -> b.id(first)).workgroupName()).isEqualTo("wg1");
  }

  @Test
  void batchesRunInOrderAndRollBackOnFailure() throws Exception {
    String id =
        data.batchExecuteStatement(
                b ->
                    b.clusterIdentifier("local")
                        .database("dev")
                        .sqls(
                            "CREATE TABLE public.batch_ok (n int)",
                            "INSERT INTO public.batch_ok VALUES (1), (2)",
                            "SELECT count(*) FROM batch_ok"))
            .id();
    DescribeStatementResponse batch = await(id);
    assertThat(batch.status()).isEqualTo(StatusString.FINISHED);
    assertThat(batch.subStatements())
        .extracting(s -> s.id())
        .containsExactly(id + ":1", id + ":2", id + ":3");
    assertThat(batch.subStatements().get(1).resultRows()).isEqualTo(2);
    assertThat(result(id + ":3").records().get(0).get(0).longValue()).isEqualTo(2);

    String failing =
        data.batchExecuteStatement(
                b ->
                    b.clusterIdentifier("local")
                        .database("dev")
                        .sqls(
                            "CREATE TABLE public.batch_rolled_back (n int)",
                            "SELECT * FROM nope",
                            "SELECT 1"))
            .id();
    DescribeStatementResponse failed = await(failing);
    assertThat(failed.status()).isEqualTo(StatusString.FAILED);
    assertThat(failed.error()).isEqualTo("ERROR: relation \"nope\" does not exist");
    assertThat(failed.subStatements())
        .extracting(s -> s.statusAsString())
        .containsExactly("FINISHED", "FAILED", "ABORTED");
    assertThat(failure("SELECT * FROM public.batch_rolled_back")).contains("does not exist");
  }

  @Test
  void namedParametersAreBoundAsLiterals() throws Exception {
    String id =
        data.executeStatement(
                b ->
                    b.clusterIdentifier("local")
                        .database("dev")
                        .sql("SELECT :n::int + 1 AS n, :s AS s, 'a:b' AS literal")
                        .parameters(
                            SqlParameter.builder().name("n").value("41").build(),
                            SqlParameter.builder().name("s").value("it's").build()))
            .id();
    DescribeStatementResponse described = await(id);
    assertThat(described.status()).as(described.error()).isEqualTo(StatusString.FINISHED);
    List<Field> row = result(id).records().get(0);
    assertThat(row.get(0).longValue()).isEqualTo(42);
    assertThat(row.get(1).stringValue()).isEqualTo("it's");
    assertThat(row.get(2).stringValue()).isEqualTo("a:b");
    assertThat(described.queryParameters()).hasSize(2);
  }

  @Test
  void aRunningStatementCanBeCancelled() throws Exception {
    String id = execute("SELECT sum(hash(i)) FROM range(100000000000) r(i)");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (data.describeStatement(b -> b.id(id)).status() != StatusString.STARTED
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(data.cancelStatement(b -> b.id(id)).status()).isTrue();
    assertThat(await(id).status()).isEqualTo(StatusString.ABORTED);
    assertThatThrownBy(() -> data.cancelStatement(b -> b.id(id)))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void catalogOperationsListLocalAndExternalTables() throws Exception {
    run("CREATE TABLE IF NOT EXISTS public.listed (id bigint, name varchar(20))");
    glue.createDatabase(b -> b.databaseInput(d -> d.name("listdb")));
    glue.createTable(
        b ->
            b.databaseName("listdb")
                .tableInput(
                    t -> t.name("ext").storageDescriptor(s -> s.columns(column("a", "int")))));
    createExternalSchema("listed_ext", "listdb");

    assertThat(data.listDatabases(b -> b.clusterIdentifier("local").database("dev")).databases())
        .contains("dev");
    assertThat(data.listSchemas(b -> b.clusterIdentifier("local").database("dev")).schemas())
        .contains("public", "listed_ext")
        .doesNotContain("main");
    assertThat(
            data.listTables(b -> b.clusterIdentifier("local").database("dev").tablePattern("list%"))
                .tables())
        .extracting(t -> t.schema() + "." + t.name() + ":" + t.type())
        .contains("public.listed:TABLE");
    assertThat(
            data.listTables(
                    b -> b.clusterIdentifier("local").database("dev").schemaPattern("listed_ext"))
                .tables())
        .extracting(t -> t.name() + ":" + t.type())
        .containsExactly("ext:EXTERNAL TABLE");
    assertThat(
            data.describeTable(
                    b ->
                        b.clusterIdentifier("local")
                            .database("dev")
                            .schema("public")
                            .table("listed"))
                .columnList())
        .extracting(c -> c.name() + ":" + c.typeName())
        .containsExactly("id:int8", "name:varchar");
  }

  @Test
  void externalSchemasAndLocalTablesSurviveARestart(@TempDir Path restartDir) throws Exception {
    try (StandInStack own = StandInStack.start(restartDir)) {
      RedshiftDataClient client = own.redshiftData();
      String setup =
          client
              .batchExecuteStatement(
                  b ->
                      b.workgroupName("wg1")
                          .database("analytics")
                          .sqls(
                              "CREATE EXTERNAL SCHEMA kept FROM DATA CATALOG DATABASE 'keptdb'"
                                  + " IAM_ROLE default CREATE EXTERNAL DATABASE IF NOT EXISTS",
                              "CREATE TABLE kept_local AS SELECT 7 AS seven"))
              .id();
      assertThat(awaitOn(client, setup).status()).isEqualTo(StatusString.FINISHED);

      own.restartStandIn();

      RedshiftDataClient after = own.redshiftData();
      String again =
          after
              .executeStatement(
                  b ->
                      b.workgroupName("wg1")
                          .database("analytics")
                          .sql(
                              "CREATE EXTERNAL SCHEMA kept FROM DATA CATALOG DATABASE 'keptdb'"
                                  + " IAM_ROLE default"))
              .id();
      assertThat(awaitOn(after, again).error()).isEqualTo("ERROR: Schema \"kept\" already exists");
      String local =
          after
              .executeStatement(
                  b ->
                      b.workgroupName("wg1")
                          .database("analytics")
                          .sql("SELECT seven FROM kept_local"))
              .id();
      assertThat(awaitOn(after, local).status()).isEqualTo(StatusString.FINISHED);
      assertThat(after.getStatementResult(b -> b.id(local)).records().get(0).get(0).longValue())
          .isEqualTo(7);
      assertThat(after.listDatabases(b -> b.workgroupName("wg1").database("dev")).databases())
          .contains("analytics", "dev");
    }
  }

  private static DescribeStatementResponse awaitOn(RedshiftDataClient client, String id)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    DescribeStatementResponse described = client.describeStatement(b -> b.id(id));
    while (!List.of(StatusString.FINISHED, StatusString.FAILED, StatusString.ABORTED)
        .contains(described.status())) {
      assertThat(System.nanoTime()).as("statement %s still running", id).isLessThan(deadline);
      Thread.sleep(10);
      described = client.describeStatement(b -> b.id(id));
    }
    return described;
  }
}
