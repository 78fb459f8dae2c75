package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.S3Target;

/**
 * After a batch adds or widens columns, every partition has the table's columns, so that Athena
 * (which reads a partition by its own columns) reads the same table Spectrum does; and a crawler
 * made by an older version gets the grouping policy that keeps compatible schemas in one table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartitionColumnsTest {

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

  private static PipelineSpec pipeline(String name, String mode) throws Exception {
    return RunningStack.pipeline(
        dir,
        name,
        """
        pipelines:
          %s:
            format: ndjson
            storage: {bucket: lake, prefix: %s}
            partition: {field: ts}
            catalog:
              mode: %s
              database: %s
              table: events
              crawlerRole: arn:aws:iam::000000000000:role/glue-crawler
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              externalSchema: %s
              iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
        """
            .formatted(name, name, mode, name, name));
  }

  private List<String> tableColumns(String database) {
    return describe(
        stack
            .aws
            .glue()
            .getTable(b -> b.databaseName(database).name("events"))
            .table()
            .storageDescriptor()
            .columns());
  }

  private List<Partition> partitions(String database) {
    return stack
        .aws
        .glue()
        .getPartitionsPaginator(b -> b.databaseName(database).tableName("events"))
        .stream()
        .flatMap(page -> page.partitions().stream())
        .toList();
  }

  private static List<String> describe(List<Column> columns) {
    return columns.stream().map(c -> c.name() + " " + c.type()).toList();
  }

  private void assertPartitionsHaveTheTablesColumns(String database, int partitions) {
    List<String> table = tableColumns(database);
    assertThat(partitions(database))
        .hasSize(partitions)
        .allSatisfy(
            p ->
                assertThat(describe(p.storageDescriptor().columns()))
                    .as("columns of partition %s", p.values())
                    .isEqualTo(table));
  }

  @Test
  void partitionsFollowAddedAndWidenedColumns() throws Exception {
    PipelineSpec pipeline = pipeline("direct_cols", "direct");
    stack.export(
        pipeline,
        "b1",
        """
        {"id": 1, "ts": "2026-11-20T10:00:00Z", "qty": 3}
        {"id": 2, "ts": "2026-11-21T10:00:00Z", "qty": 4}
        """);
    // a new column on a day that exists and one that does not
    stack.export(
        pipeline,
        "b2",
        """
        {"id": 3, "ts": "2026-11-21T11:00:00Z", "qty": 5, "channel": "web"}
        {"id": 4, "ts": "2026-11-22T10:00:00Z", "qty": 6, "channel": "app"}
        """);
    assertThat(tableColumns("direct_cols")).contains("channel string");
    assertPartitionsHaveTheTablesColumns("direct_cols", 3);

    // bigint widened to double
    stack.export(pipeline, "b3", "{\"id\": 5, \"ts\": \"2026-11-23T10:00:00Z\", \"qty\": 2.5}\n");
    assertThat(tableColumns("direct_cols")).contains("qty double");
    assertPartitionsHaveTheTablesColumns("direct_cols", 4);

    assertThat(stack.count(pipeline, "SELECT count(*) FROM \"direct_cols\".\"events\""))
        .isEqualTo(5);
    assertThat(
            stack.count(
                pipeline,
                "SELECT count(*) FROM \"direct_cols\".\"events\" WHERE channel IS NOT NULL"))
        .isEqualTo(2);
  }

  @Test
  void crawledPartitionsFollowColumnsAddedAfterTheCrawlAndOldCrawlersGetTheGroupingPolicy()
      throws Exception {
    PipelineSpec pipeline = pipeline("crawled_cols", "crawler");
    // a crawler as an earlier version made it: no Grouping
    stack
        .aws
        .glue()
        .createCrawler(
            b ->
                b.name("spectrumflow-crawled_cols")
                    .role("arn:aws:iam::000000000000:role/glue-crawler")
                    .databaseName("crawled_cols")
                    .targets(
                        t -> t.s3Targets(S3Target.builder().path(pipeline.tableLocation()).build()))
                    .schemaChangePolicy(p -> p.updateBehavior("LOG").deleteBehavior("LOG"))
                    .configuration(
                        "{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":"
                            + "{\"AddOrUpdateBehavior\":\"InheritFromTable\"}}}"));

    stack.export(pipeline, "b1", "{\"id\": 1, \"ts\": \"2026-11-20T10:00:00Z\"}\n");
    stack.export(
        pipeline, "b2", "{\"id\": 2, \"ts\": \"2026-11-21T10:00:00Z\", \"channel\": \"web\"}\n");

    assertThat(
            stack
                .aws
                .glue()
                .getCrawler(b -> b.name("spectrumflow-crawled_cols"))
                .crawler()
                .configuration())
        .contains("\"Grouping\":{\"TableGroupingPolicy\":\"CombineCompatibleSchemas\"}");
    assertThat(tableColumns("crawled_cols")).contains("channel string");
    assertPartitionsHaveTheTablesColumns("crawled_cols", 2);
    assertThat(stack.count(pipeline, "SELECT count(*) FROM \"crawled_cols\".\"events\""))
        .isEqualTo(2);
  }
}
