package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.activities.glue.CrawlerDefinition;
import io.spectrumflow.activities.glue.CrawlerRuns;
import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/** The seed recipe's path: a Glue crawler over the objects, partition_0 renamed to date. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlerModeTest {

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

  private PipelineSpec pipeline(String name, String layout) throws Exception {
    return RunningStack.pipeline(
        dir,
        name,
        """
        pipelines:
          %s:
            format: ndjson
            storage: {bucket: lake, prefix: seed, layout: %s}
            partition: {field: ts}
            parquet: {timestampEncoding: int96}
            catalog:
              mode: crawler
              database: seed
              table: %s
              crawlerRole: arn:aws:iam::000000000000:role/glue-crawler
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              externalSchema: seed
              iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
        """
            .formatted(name, layout, name.replace('-', '_')));
  }

  @ParameterizedTest
  @ValueSource(strings = {"legacy", "hive"})
  void crawlsRenamesAndKeepsTheRenameWhenTheNextBatchIsCrawled(String layout) throws Exception {
    PipelineSpec pipeline = pipeline("crawled-" + layout, layout);
    String table = pipeline.catalog().table();

    ExportResult first =
        stack.export(
            pipeline,
            "b1",
            """
            {"id": 1, "ts": "2020-02-19T08:54:13.443244Z", "note": "first"}
            {"id": 2, "ts": "2020-02-19T10:00:00Z", "note": "line\\nbreak"}
            {"id": 3, "ts": "2020-02-19T23:59:59.999999Z", "note": null}
            """);
    assertThat(first.rowsVerified()).isEqualTo(3);
    if (layout.equals("legacy")) {
      assertThat(first.s3Keys())
          .singleElement()
          .asString()
          .matches(
              "s3://lake/seed/crawled_legacy/2020-02-19/\\d{2}:\\d{2}:\\d{2}\\.\\d{6}\\.parquet");
    }
    assertThat(partitionKeys(table)).containsExactly("date");

    // A later batch on another day, bringing a new column.
    ExportResult second =
        stack.export(
            pipeline,
            "b2",
            """
            {"id": 4, "ts": "2020-02-20T01:00:00Z", "note": "second", "extra": 1.5}
            {"id": 5, "ts": "2020-02-20T02:00:00Z", "note": "second", "extra": 2.5}
            """);
    assertThat(second.rowsVerified()).isEqualTo(2);
    assertThat(partitionKeys(table)).containsExactly("date");
    assertThat(glueTable(table).storageDescriptor().columns())
        .extracting(Column::name, Column::type)
        .contains(
            org.assertj.core.groups.Tuple.tuple("ts", "timestamp"),
            org.assertj.core.groups.Tuple.tuple("extra", "double"));
    assertThat(countsByDate(pipeline, table))
        .containsExactly(Map.entry("2020-02-19", 3L), Map.entry("2020-02-20", 2L));
    assertThat(
            stack.query(
                pipeline,
                "SELECT extra FROM \"seed\".\"" + table + "\" WHERE id IN (1, 4) ORDER BY id"))
        .extracting(
            row -> Boolean.TRUE.equals(row.get(0).isNull()) ? null : row.get(0).doubleValue())
        .containsExactly(null, 1.5);
  }

  @Test
  void waitsForACrawlAlreadyRunningThenCrawlsAgain() throws Exception {
    PipelineSpec pipeline = pipeline("busy", "legacy");
    stack.export(pipeline, "b1", "{\"id\": 1, \"ts\": \"2020-03-01T00:00:00Z\"}\n");
    stack.aws.glue().startCrawler(b -> b.name("spectrumflow-busy"));

    ExportResult result =
        stack.export(pipeline, "b2", "{\"id\": 2, \"ts\": \"2020-03-02T00:00:00Z\"}\n");

    assertThat(result.rowsVerified()).isEqualTo(1);
    assertThat(countsByDate(pipeline, "busy"))
        .containsExactly(Map.entry("2020-03-01", 1L), Map.entry("2020-03-02", 1L));
  }

  @Test
  void aCrawlThatEndsFailedFailsWithGluesMessage() throws Exception {
    PipelineSpec pipeline = pipeline("nothing-here", "hive");
    stack.stage(pipeline, "unrelated", "not parquet"); // creates the bucket; the prefix stays empty

    assertThatThrownBy(
            () -> new CrawlerRuns(stack.aws.glue()).run(new CrawlerDefinition(pipeline), () -> {}))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ExportFailures.CRAWL_FAILED);
              assertThat(failure.getOriginalMessage())
                  .startsWith("crawler spectrumflow-nothing-here: last crawl FAILED: ");
            });
  }

  private List<String> partitionKeys(String table) {
    return glueTable(table).partitionKeys().stream().map(Column::name).toList();
  }

  private Table glueTable(String table) {
    return stack.aws.glue().getTable(b -> b.databaseName("seed").name(table)).table();
  }

  private Map<String, Long> countsByDate(PipelineSpec pipeline, String table) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (List<Field> row :
        stack.query(
            pipeline,
            "SELECT \"date\", count(*) FROM \"seed\".\""
                + table
                + "\" GROUP BY \"date\" ORDER BY \"date\"")) {
      counts.put(row.get(0).stringValue(), row.get(1).longValue());
    }
    return counts;
  }
}
