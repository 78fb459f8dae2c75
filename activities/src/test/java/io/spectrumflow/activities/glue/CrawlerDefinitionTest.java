package io.spectrumflow.activities.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spectrumflow.activities.support.Pipelines;
import io.spectrumflow.workflows.pipeline.CatalogMode;
import io.spectrumflow.workflows.pipeline.CatalogSpec;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.S3Target;

class CrawlerDefinitionTest {

  private static final PipelineSpec PIPELINE = crawled();

  private static PipelineSpec crawled() {
    PipelineSpec events = Pipelines.events(KeyLayout.values()[0]);
    return new PipelineSpec(
        events.name(),
        events.format(),
        events.storage(),
        events.partition(),
        events.parquet(),
        new CatalogSpec(
            CatalogMode.CRAWLER, "spectrumflow", "events", null, "arn:aws:iam::1:role/crawler"),
        events.redshift(),
        events.schema());
  }

  @Test
  void compatibleSchemasMakeOneTableAndPartitionsInheritTheTable() throws Exception {
    CrawlerDefinition definition = new CrawlerDefinition(PIPELINE);
    JsonNode configuration = new ObjectMapper().readTree(definition.create().configuration());

    assertThat(configuration.at("/Grouping/TableGroupingPolicy").asText())
        .isEqualTo("CombineCompatibleSchemas");
    assertThat(configuration.at("/CrawlerOutput/Partitions/AddOrUpdateBehavior").asText())
        .isEqualTo("InheritFromTable");
    assertThat(definition.update().configuration()).isEqualTo(definition.create().configuration());
  }

  @Test
  void aCrawlerWithoutTheGroupingPolicyIsUpdatedOneWithItInAnyOrderIsNot() {
    CrawlerDefinition definition = new CrawlerDefinition(PIPELINE);
    Crawler.Builder existing =
        Crawler.builder()
            .role(PIPELINE.catalog().crawlerRole())
            .databaseName(PIPELINE.catalog().database())
            .targets(t -> t.s3Targets(S3Target.builder().path(PIPELINE.tableLocation()).build()))
            .tablePrefix("")
            .schemaChangePolicy(p -> p.updateBehavior("LOG").deleteBehavior("LOG"));

    assertThat(
            definition.differsFrom(
                existing
                    .configuration(
                        "{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":"
                            + "{\"AddOrUpdateBehavior\":\"InheritFromTable\"}}}")
                    .build()))
        .isTrue();
    assertThat(
            definition.differsFrom(
                existing
                    .configuration(
                        "{ \"Grouping\": {\"TableGroupingPolicy\": \"CombineCompatibleSchemas\"},"
                            + " \"Version\": 1.0, \"CrawlerOutput\": {\"Partitions\":"
                            + " {\"AddOrUpdateBehavior\": \"InheritFromTable\"}}}")
                    .build()))
        .isFalse();
  }
}
