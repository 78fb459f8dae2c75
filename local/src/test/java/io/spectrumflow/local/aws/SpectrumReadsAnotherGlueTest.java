package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.local.s3.LocalAws;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/**
 * With {@code spectrumGlue} set, the stand-in's Redshift side reads the Data Catalog of another
 * Glue through its API (here a second stand-in's, as the moto suite uses moto's), not its own.
 */
class SpectrumReadsAnotherGlueTest {

  @Test
  void externalSchemasReadTheOtherGluesTablesAndPartitions(@TempDir Path dir) throws Exception {
    try (StandInStack catalog = StandInStack.start(dir.resolve("catalog"))) {
      catalog.s3().createBucket(b -> b.bucket("lake"));
      Path files = dir.resolve("files");
      java.nio.file.Files.createDirectories(files);
      put(
          catalog,
          "events/date=2026-11-24/a.parquet",
          files,
          "SELECT i::BIGINT AS id FROM range(0, 3) r(i)");
      put(
          catalog,
          "events/date=2026-11-25/a.parquet",
          files,
          "SELECT i::BIGINT AS id FROM range(0, 4) r(i)");
      // written but not registered: Spectrum does not read it
      put(catalog, "events/date=2026-11-26/a.parquet", files, "SELECT 1::BIGINT AS id");
      GlueClient glue = catalog.glue();
      glue.createDatabase(b -> b.databaseInput(d -> d.name("otherdb")));
      glue.createTable(
          b ->
              b.databaseName("otherdb")
                  .tableInput(
                      TableInput.builder()
                          .name("events")
                          .tableType("EXTERNAL_TABLE")
                          .partitionKeys(Column.builder().name("date").type("string").build())
                          .storageDescriptor(
                              s ->
                                  s.location("s3://lake/events/")
                                      .columns(Column.builder().name("id").type("bigint").build()))
                          .build()));
      glue.batchCreatePartition(
          b ->
              b.databaseName("otherdb")
                  .tableName("events")
                  .partitionInputList(partition("2026-11-24"), partition("2026-11-25")));

      try (AwsStandIn reader =
              AwsStandIn.start(
                  new StandInSettings("127.0.0.1", 0, dir.resolve("reader"), catalog.s3())
                      .withSpectrumGlue(glue));
          RedshiftDataClient data =
              RedshiftDataClient.builder()
                  .region(Region.of(LocalAws.REGION))
                  .endpointOverride(reader.endpoint())
                  .build();
          GlueClient readersOwnGlue =
              GlueClient.builder()
                  .region(Region.of(LocalAws.REGION))
                  .endpointOverride(reader.endpoint())
                  .build()) {
        DataApiCalls calls = new DataApiCalls(data, "any-cluster", "awsuser");
        calls.run(
            "CREATE EXTERNAL SCHEMA other FROM DATA CATALOG DATABASE 'otherdb'"
                + " IAM_ROLE 'arn:aws:iam::000000000000:role/spectrum'");

        assertThat(calls.count("SELECT count(*) FROM other.events")).isEqualTo(7);
        assertThat(calls.count("SELECT count(*) FROM other.events WHERE \"date\" = '2026-11-25'"))
            .isEqualTo(4);
        assertThat(
                calls
                    .rows("SELECT tablename FROM svv_external_tables WHERE schemaname = 'other'")
                    .get(0)
                    .get(0)
                    .stringValue())
            .isEqualTo("events");
        // the reader's own catalog is not where that came from
        assertThat(readersOwnGlue.getDatabases(b -> {}).databaseList()).isEmpty();
        assertThat(calls.await(calls.execute("SELECT count(*) FROM other.missing")).status())
            .isEqualTo(StatusString.FAILED);
      }
    }
  }

  private static void put(StandInStack stack, String key, Path files, String select)
      throws Exception {
    Path file = ParquetFiles.write(files, key.replace('/', '_'), select);
    stack.s3().putObject(b -> b.bucket("lake").key(key), RequestBody.fromFile(file));
  }

  private static PartitionInput partition(String date) {
    return PartitionInput.builder()
        .values(date)
        .storageDescriptor(s -> s.location("s3://lake/events/date=" + date + "/"))
        .build();
  }
}
