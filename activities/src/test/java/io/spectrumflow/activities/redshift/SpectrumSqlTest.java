package io.spectrumflow.activities.redshift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.activities.support.Pipelines;
import io.spectrumflow.workflows.export.CountRequest;
import io.spectrumflow.workflows.export.DdlRequest;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpectrumSqlTest {

  private final RedshiftSpec redshift = Pipelines.events(KeyLayout.HIVE).redshift();

  @Test
  void createsTheExternalSchemaFromTheDataCatalog() {
    assertThat(SpectrumSql.createExternalSchema(new DdlRequest(redshift, "spectrumflow")))
        .isEqualTo(
            "CREATE EXTERNAL SCHEMA IF NOT EXISTS \"spectrum\" FROM DATA CATALOG DATABASE"
                + " 'spectrumflow' IAM_ROLE 'arn:aws:iam::123456789012:role/spectrum' REGION"
                + " 'us-east-1'");
  }

  @Test
  void countsTheBatchsObjectsInItsPartitionsWithTheReservedWordQuoted() {
    List<String> sql =
        SpectrumSql.countBatchRows(
            new CountRequest(
                redshift,
                "events",
                "date",
                List.of("2026-11-23", "2026-11-24"),
                List.of("s3://lake/a/date=2026-11-23/b-00000.parquet")));
    // only the partition the objects are in narrows the scan
    assertThat(sql)
        .containsExactly(
            "SELECT count(*) FROM \"spectrum\".\"events\" WHERE \"date\" IN ('2026-11-23')"
                + " AND \"$path\" IN ('s3://lake/a/date=2026-11-23/b-00000.parquet')");
  }

  @Test
  void refusesIdentifiersAndLiteralsThatTryToEscape() {
    RedshiftSpec injected =
        new RedshiftSpec(
            "c",
            "u",
            null,
            null,
            "dev",
            "a\"; drop table x; --",
            redshift.iamRole(),
            redshift.region());
    assertThatThrownBy(
            () -> SpectrumSql.createExternalSchema(new DdlRequest(injected, "spectrumflow")))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("is not a valid Redshift identifier");
    assertThatThrownBy(
            () ->
                SpectrumSql.createExternalSchema(new DdlRequest(redshift, "a'; drop table x; --")))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("Glue database 'a'; drop table x; --' is not valid");
    RedshiftSpec badRole =
        new RedshiftSpec("c", "u", null, null, "dev", "spectrum", "arn' OR 1=1", redshift.region());
    assertThatThrownBy(() -> SpectrumSql.createExternalSchema(new DdlRequest(badRole, "db")))
        .hasMessageContaining("IAM role");
    assertThatThrownBy(
            () ->
                SpectrumSql.countBatchRows(
                    new CountRequest(redshift, "events", "date", List.of("x') OR ('1"), List.of())))
        .hasMessageContaining("partition value");
  }
}
