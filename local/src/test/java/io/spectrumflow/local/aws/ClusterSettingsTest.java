package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  @Test
  void parsesClustersWithTheirRoles() {
    assertThat(
            ClusterSettings.parse(
                " analytics=arn:aws:iam::1:role/a, arn:aws:iam::1:role/b ;reporting=;wg"))
        .containsExactly(
            Map.entry("analytics", List.of("arn:aws:iam::1:role/a", "arn:aws:iam::1:role/b")),
            Map.entry("reporting", List.of()),
            Map.entry("wg", List.of()));
    assertThat(ClusterSettings.parse("")).isEmpty();
    assertThatThrownBy(() -> ClusterSettings.parse("=arn"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("STANDIN_CLUSTERS");
  }

  @Test
  void theFourArgumentSettingsAreLenient() {
    StandInSettings settings =
        new StandInSettings(
            "127.0.0.1",
            0,
            java.nio.file.Path.of("x"),
            software.amazon.awssdk.services.s3.S3Client.builder()
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .build());
    assertThat(settings.clusters()).isEmpty();
    assertThat(settings.crawlDuration()).isEqualTo(StandInSettings.DEFAULT_CRAWL_DURATION);
    assertThat(settings.region()).isEqualTo("us-east-1");
    settings.s3().close();
  }
}
