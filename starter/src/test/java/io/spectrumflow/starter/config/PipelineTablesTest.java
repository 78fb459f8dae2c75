package io.spectrumflow.starter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each table has one pipeline, and the names that reach Glue and Redshift SQL are legal, checked
 * when the pipelines are loaded.
 */
class PipelineTablesTest {

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("config.yml"), yaml);
  }

  /** Two pipelines, the second's storage and catalog settings given. */
  private Path twoPipelines(String secondStorage, String secondCatalog) throws IOException {
    return write(
        """
        pipelines:
          clicks:
            storage: {bucket: lake, prefix: exports}
            catalog: {database: web, table: clicks}
            redshift: {workgroupName: wg, iamRole: r}
          clicks-copy:
            storage: %s
            catalog: %s
            redshift: {workgroupName: wg, iamRole: r}
        """
            .formatted(secondStorage, secondCatalog));
  }

  @Test
  void refusesTwoPipelinesWritingOneTableFolderNamingBoth() throws IOException {
    Path file = twoPipelines("{bucket: lake, prefix: exports}", "{database: web2, table: clicks}");

    assertThatThrownBy(() -> PipelinesFile.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pipelines.clicks and pipelines.clicks-copy")
        .hasMessageContaining("s3://lake/exports/clicks/ is s3://lake/exports/clicks/")
        .hasMessageContaining("give one of them another storage.prefix or catalog.table");
  }

  @Test
  void refusesATableFolderInsideAnothersTableFolder() throws IOException {
    Path file =
        twoPipelines("{bucket: lake, prefix: exports/clicks}", "{database: web, table: daily}");

    assertThatThrownBy(() -> PipelinesFile.load(file))
        .hasMessageContaining("pipelines.clicks and pipelines.clicks-copy")
        .hasMessageContaining("s3://lake/exports/clicks/ holds s3://lake/exports/clicks/daily/");
  }

  @Test
  void refusesTwoPipelinesNamingOneGlueTable() throws IOException {
    Path file =
        twoPipelines("{bucket: other-lake, prefix: exports}", "{database: web, table: clicks}");

    assertThatThrownBy(() -> PipelinesFile.load(file))
        .hasMessageContaining("pipelines.clicks and pipelines.clicks-copy")
        .hasMessageContaining("both write Glue table web.clicks")
        .hasMessageContaining("another catalog.database or catalog.table");
  }

  @ParameterizedTest
  @CsvSource({
    "'{bucket: lake, prefix: exports}', '{database: web, table: clicks_copy}'",
    // a folder whose name starts with the other's is not inside it
    "'{bucket: lake, prefix: exports}', '{database: web, table: clicks2}'",
    "'{bucket: other-lake, prefix: exports}', '{database: web2, table: clicks}'",
    "'{bucket: lake, prefix: archive}', '{database: web2, table: clicks}'"
  })
  void acceptsPipelinesWithTablesOfTheirOwn(String storage, String catalog) throws IOException {
    assertThat(PipelinesFile.load(twoPipelines(storage, catalog)).names())
        .containsExactly("clicks", "clicks-copy");
  }

  @Test
  void theShippedConfigurationsLoad() throws IOException {
    assertThat(PipelinesFile.load(Path.of("../config/local.yml")).names()).hasSize(4);
    // the Docker configuration with the settings its environment gives
    String docker =
        Files.readString(Path.of("../docker/starter.yml"))
            .replace("${REDSHIFT_WORKGROUP:-}", "wg")
            .replace("${REDSHIFT_IAM_ROLE:-}", "arn:aws:iam::123456789012:role/spectrum");
    assertThat(PipelinesFile.load(write(docker)).names()).isNotEmpty();
  }

  /** One pipeline with a setting of the redshift or catalog section given. */
  private Path withSetting(String section, String setting) throws IOException {
    String redshift = "workgroupName: wg, iamRole: r";
    String catalog = "database: web";
    if (section.equals("redshift")) {
      redshift += ", " + setting;
    } else {
      catalog += ", " + setting;
    }
    return write(
        """
        pipelines:
          clicks:
            storage: {bucket: lake}
            catalog: {%s}
            redshift: {%s}
        """
            .formatted(catalog, redshift));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "redshift | externalSchema: 'spectrum\"; DROP SCHEMA x; --' | redshift.externalSchema:"
            + " 'spectrum\"; DROP SCHEMA x; --' is not a Redshift schema name: use 1 to 127"
            + " lowercase letters, digits and '_', starting with a letter or '_'",
        "redshift | externalSchema: Spectrum | redshift.externalSchema: 'Spectrum' is not",
        "redshift | externalSchema: 1st | redshift.externalSchema: '1st' is not",
        "redshift | database: 'dev db' | redshift.database: 'dev db' is not a Redshift database"
            + " name: use 1 to 64 lowercase letters",
        "catalog | table: 2026_events | catalog.table: '2026_events' is not a Glue table name"
            + " that Redshift can query",
        "catalog | database: 'web''s' | catalog.database: 'web's' is not a Glue database name"
      })
  void refusesNamesThatWouldBreakSqlNamingThePipelineAndTheSetting(
      String section, String setting, String message) throws IOException {
    Path file = withSetting(section, setting);

    assertThatThrownBy(() -> PipelinesFile.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("pipelines.clicks." + message);
  }

  @Test
  void refusesNamesLongerThanRedshiftAllows() throws IOException {
    Path file = withSetting("redshift", "externalSchema: " + "s".repeat(128));

    assertThatThrownBy(() -> PipelinesFile.load(file))
        .hasMessageContaining("pipelines.clicks.redshift.externalSchema: 'sss")
        .hasMessageContaining("1 to 127");
    assertThat(
            PipelinesFile.load(withSetting("redshift", "externalSchema: " + "s".repeat(127)))
                .pipeline("clicks")
                .redshift()
                .externalSchema())
        .hasSize(127);
  }
}
