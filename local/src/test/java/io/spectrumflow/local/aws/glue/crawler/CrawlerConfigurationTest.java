package io.spectrumflow.local.aws.glue.crawler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.local.aws.http.AwsException;
import org.junit.jupiter.api.Test;

class CrawlerConfigurationTest {

  @Test
  void readsTheOutputBehaviors() {
    assertThat(CrawlerConfiguration.parse(null)).isEqualTo(CrawlerConfiguration.DEFAULT);
    assertThat(
            CrawlerConfiguration.parse(
                "{\"Version\":1.0,\"CrawlerOutput\":{\"Partitions\":{\"AddOrUpdateBehavior\":"
                    + "\"InheritFromTable\"},\"Tables\":{\"AddOrUpdateBehavior\":\"MergeNewColumns\"}},"
                    + "\"Grouping\":{\"TableGroupingPolicy\":\"CombineCompatibleSchemas\"}}"))
        .isEqualTo(new CrawlerConfiguration(true, true));
    assertThat(CrawlerConfiguration.parse("{\"Version\":1}"))
        .isEqualTo(CrawlerConfiguration.DEFAULT);
  }

  @Test
  void rejectsWhatGlueRejects() {
    for (String json :
        new String[] {
          "[]",
          "{}",
          "{\"Version\":2.0}",
          "{\"Version\":1.0,\"CrawlerOutput\":{\"Columns\":{}}}",
          "{\"Version\":1.0,\"CrawlerOutput\":{\"Tables\":{\"AddOrUpdateBehavior\":\"Replace\"}}}",
          "{\"Version\":1.0,\"CrawlerOutput\":\"x\"}"
        }) {
      assertThatThrownBy(() -> CrawlerConfiguration.parse(json))
          .as(json)
          .isInstanceOfSatisfying(
              AwsException.class, e -> assertThat(e.type()).isEqualTo("InvalidInputException"));
    }
  }
}
