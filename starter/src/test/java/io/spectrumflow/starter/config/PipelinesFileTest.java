package io.spectrumflow.starter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.workflows.pipeline.CatalogMode;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelinesFileTest {

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("config.yml"), yaml);
  }

  @Test
  void theBundledLocalConfigurationLoads() {
    PipelineSpec events = PipelinesFile.load(Path.of("../config/local.yml")).pipeline("events");

    assertThat(events.format()).isEqualTo(SourceFormat.CSV);
    assertThat(events.storage().layout()).isEqualTo(KeyLayout.HIVE);
    assertThat(events.partition().field()).isEqualTo("event_time");
    assertThat(events.catalog().mode()).isEqualTo(CatalogMode.DIRECT);
    assertThat(events.tableLocation()).isEqualTo("s3://spectrumflow-lake/exports/events/");
  }

  @Test
  void fillsDefaults() throws IOException {
    PipelineSpec spec =
        PipelinesFile.load(
                write(
                    """
                    pipelines:
                      clicks:
                        storage: {bucket: b}
                        catalog: {database: db}
                        redshift: {workgroupName: wg, iamRole: "arn:aws:iam::123456789012:role/r"}
                    """))
            .pipeline("clicks");

    assertThat(spec.format()).isEqualTo(SourceFormat.JSON);
    assertThat(spec.partition().column()).isEqualTo("date");
    assertThat(spec.partition().field()).isNull();
    assertThat(spec.parquet().compression()).isEqualTo(Compression.SNAPPY);
    assertThat(spec.parquet().targetFileBytes()).isEqualTo(128L << 20);
    assertThat(spec.parquet().timestampEncoding()).isEqualTo(TimestampEncoding.INT64_MICROS);
    assertThat(spec.catalog().table()).isEqualTo("clicks");
    assertThat(spec.redshift().database()).isEqualTo("dev");
    assertThat(spec.redshift().externalSchema()).isEqualTo("spectrum");
  }

  @Test
  void aGivenSchemaMayNameTheFieldOfAColumn() throws IOException {
    PipelineSpec spec =
        PipelinesFile.load(
                write(
                    """
                    pipelines:
                      clicks:
                        storage: {bucket: b}
                        catalog: {database: db}
                        redshift: {workgroupName: wg, iamRole: "arn:aws:iam::123456789012:role/r"}
                        schema:
                          - {name: id, type: bigint}
                          - {name: event_time, type: timestamp, field: "Event Time"}
                    """))
            .pipeline("clicks");

    assertThat(spec.schema())
        .containsExactly(
            new ColumnSpec("id", ColumnType.BIGINT),
            new ColumnSpec("event_time", ColumnType.TIMESTAMP, "Event Time"));
  }

  @Test
  void namesTheKeyOfABadSetting() throws IOException {
    Path badEnum =
        write(
            """
            pipelines:
              clicks:
                storage: {bucket: b}
                parquet: {timestampEncoding: int97}
                catalog: {database: db}
                redshift: {workgroupName: wg, iamRole: r}
            """);
    assertThatThrownBy(() -> PipelinesFile.load(badEnum))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith(
            ": pipelines.clicks.parquet.timestampEncoding: 'int97' is not one of int64-micros,"
                + " int96");

    Path missing =
        write(
            """
            pipelines:
              clicks:
                catalog: {database: db}
                redshift: {workgroupName: wg, iamRole: r}
            """);
    assertThatThrownBy(() -> PipelinesFile.load(missing))
        .hasMessageEndingWith(": pipelines.clicks.storage.bucket: is required");

    Path both =
        write(
            """
            pipelines:
              clicks:
                storage: {bucket: b}
                catalog: {database: db}
                redshift: {workgroupName: wg, clusterIdentifier: c, dbUser: u, iamRole: r}
            """);
    assertThatThrownBy(() -> PipelinesFile.load(both))
        .hasMessageContaining(": pipelines.clicks.redshift: set exactly one of clusterIdentifier");

    Path unknown =
        write(
            """
            pipelines:
              clicks:
                storage: {bucket: b, bukket: c}
            """);
    assertThatThrownBy(() -> PipelinesFile.load(unknown)).hasMessageContaining("'bukket'");
  }

  @Test
  void checksSchedulesWebhooksAndLimits() throws IOException {
    Path badCron =
        write(
            """
            pipelines:
              clicks:
                storage: {bucket: b}
                catalog: {database: db}
                redshift: {workgroupName: wg, iamRole: r}
                schedule: {cron: "61 * * * *"}
            """);
    assertThatThrownBy(() -> PipelinesFile.load(badCron))
        .hasMessageContaining(
            ": pipelines.clicks.schedule.cron: '61 * * * *' is not a cron schedule");

    Path good =
        write(
            """
            pipelines:
              clicks:
                storage: {bucket: b}
                catalog: {database: db}
                redshift: {workgroupName: wg, iamRole: r}
                schedule: {cron: "*/15 * * * *", paused: true}
                failureWebhook: https://hooks.example.com/x
                maxConcurrentRuns: 2
            """);
    Pipelines pipelines = PipelinesFile.load(good);
    assertThat(pipelines.schedules().get("clicks"))
        .isEqualTo(new PipelineConfig.Schedule("*/15 * * * *", true));
    assertThat(pipelines.pipeline("clicks").failureWebhook())
        .isEqualTo("https://hooks.example.com/x");
    assertThat(pipelines.maxConcurrentRuns("clicks")).isEqualTo(2);

    Path badHook =
        write(
            """
            pipelines:
              clicks:
                storage: {bucket: b}
                catalog: {database: db}
                redshift: {workgroupName: wg, iamRole: r}
                failureWebhook: "ftp://x"
            """);
    assertThatThrownBy(() -> PipelinesFile.load(badHook))
        .hasMessageContaining("pipelines.clicks.failureWebhook: 'ftp://x' is not an http(s) URL");
  }

  @Test
  void refusesAnUnknownPipelineNamingTheConfiguredOnes() {
    Pipelines file = PipelinesFile.load(Path.of("../config/local.yml"));
    assertThatThrownBy(() -> file.pipeline("nope"))
        .hasMessage(
            "no pipeline named 'nope'; configured: events, events-json, events-seed,"
                + " events-daily");
  }
}
