package io.spectrumflow.local.aws.redshift.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CreateExternalSchemaTest {

  @Test
  void readsTheClausesInAnyOrderAndCase() throws Exception {
    CreateExternalSchema command =
        CreateExternalSchema.parse(
                "-- the catalog\n create external schema if not exists \"Spectrum\"\n"
                    + "  iam_role 'arn:aws:iam::123456789012:role/r' region 'eu-west-1'\n"
                    + "  from data catalog database 'Lake_DB' catalog_role default\n"
                    + "  create external database if not exists;")
            .orElseThrow();

    assertThat(command.schema()).isEqualTo("spectrum");
    assertThat(command.ifNotExists()).isTrue();
    assertThat(command.glueDatabase()).isEqualTo("lake_db");
    assertThat(command.region()).isEqualTo("eu-west-1");
    assertThat(command.iamRole()).isEqualTo("arn:aws:iam::123456789012:role/r");
    assertThat(command.catalogRole()).isEqualTo("default");
    assertThat(command.createDatabase()).isTrue();
  }

  @Test
  void leavesOtherStatementsAlone() throws Exception {
    assertThat(CreateExternalSchema.parse("CREATE SCHEMA s")).isEmpty();
    assertThat(CreateExternalSchema.parse("SELECT 'CREATE EXTERNAL SCHEMA'")).isEmpty();
  }

  @Test
  void failsLikeRedshiftOnMissingOrUnknownClauses() {
    assertThatThrownBy(
            () ->
                CreateExternalSchema.parse(
                    "CREATE EXTERNAL SCHEMA s FROM DATA CATALOG IAM_ROLE default"))
        .hasMessageContaining("DATABASE");
    assertThatThrownBy(() -> CreateExternalSchema.parse("CREATE EXTERNAL SCHEMA s DATABASE 'd'"))
        .hasMessageContaining("IAM_ROLE");
    assertThatThrownBy(
            () ->
                CreateExternalSchema.parse(
                    "CREATE EXTERNAL SCHEMA s DATABASE 'd' IAM_ROLE default BOGUS"))
        .hasMessage("ERROR: syntax error at or near \"BOGUS\"");
  }

  @Test
  void dropSchemaReadsItsOptions() throws Exception {
    DropSchema drop =
        DropSchema.parse("DROP SCHEMA IF EXISTS a, \"B\" DROP EXTERNAL DATABASE CASCADE")
            .orElseThrow();
    assertThat(drop.schemas()).containsExactly("a", "b");
    assertThat(drop.ifExists()).isTrue();
    assertThat(drop.dropExternalDatabase()).isTrue();
  }
}
