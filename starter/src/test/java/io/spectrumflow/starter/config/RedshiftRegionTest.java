package io.spectrumflow.starter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import io.spectrumflow.activities.redshift.SpectrumSql;
import io.spectrumflow.starter.app.StarterConfiguration;
import io.spectrumflow.starter.iam.IamPolicy;
import io.spectrumflow.workflows.export.DdlRequest;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code redshift.region} is the workers' {@code aws.region}: left out it follows it, given
 * otherwise the configuration is refused, wherever the pipelines are loaded.
 */
class RedshiftRegionTest {

  @TempDir Path dir;

  private static String config(String redshiftRegion) {
    return """
        aws: {region: eu-west-1}
        starter: {authToken: t, staging: "s3://lake/staging/"}
        pipelines:
          events:
            storage: {bucket: lake, prefix: exports}
            catalog: {database: web}
            redshift:
              clusterIdentifier: analytics
              dbUser: loader
              iamRole: "arn:aws:iam::123456789012:role/spectrum"
        %s
        """
        .formatted(redshiftRegion == null ? "" : "      region: " + redshiftRegion);
  }

  private PipelineSpec fromFile(String yaml) throws IOException {
    return PipelinesFile.load(Files.writeString(dir.resolve("c.yml"), yaml)).pipeline("events");
  }

  private static Pipelines fromStarterConfiguration(String yaml) throws IOException {
    return Jackson.newObjectMapper(new YAMLFactory())
        .readValue(yaml, StarterConfiguration.class)
        .pipelines();
  }

  @Test
  void leftOutItIsTheWorkersRegionInTheDdlAndThePolicy() throws IOException {
    PipelineSpec events = fromFile(config(null));

    assertThat(events.redshift().region()).isEqualTo("eu-west-1");
    assertThat(SpectrumSql.createExternalSchema(new DdlRequest(events.redshift(), "web")))
        .endsWith("REGION 'eu-west-1'");
    IamPolicy policy = new IamPolicy(events, "lake/staging/events/");
    assertThat(policy.worker().toString())
        .contains("arn:aws:glue:eu-west-1:123456789012:table/web/events")
        .contains("arn:aws:redshift:eu-west-1:123456789012:cluster:analytics")
        .doesNotContain("us-east-1");
    assertThat(policy.spectrumPermissions().toString()).doesNotContain("us-east-1");
  }

  @Test
  void theStarterApplicationsConfigurationFollowsAwsRegionToo() throws IOException {
    assertThat(fromStarterConfiguration(config(null)).pipeline("events").redshift().region())
        .isEqualTo("eu-west-1");
  }

  @Test
  void theSameRegionGivenTwiceIsAccepted() throws IOException {
    assertThat(fromFile(config("eu-west-1")).redshift().region()).isEqualTo("eu-west-1");
  }

  @Test
  void anotherRegionIsRefusedAtLoadNamingBoth() {
    String message =
        "pipelines.events.redshift.region is us-east-1 but aws.region is eu-west-1: Spectrum"
            + " reads the Glue catalog of the region the workers write; set both to one region,"
            + " or leave redshift.region out";

    assertThatThrownBy(() -> fromFile(config("us-east-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
    assertThatThrownBy(() -> fromStarterConfiguration(config("us-east-1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message);
  }
}
