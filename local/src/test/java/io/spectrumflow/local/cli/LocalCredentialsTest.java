package io.spectrumflow.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.activities.aws.AwsSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher injects the embedded stack's keys only for a configuration of loopback endpoints.
 */
class LocalCredentialsTest {

  @TempDir Path dir;

  private static final URI LOCAL = URI.create("http://127.0.0.1:9000");
  private static final URI STAND_IN = URI.create("http://localhost:4566");

  private static AwsSettings aws(URI s3, URI glue, URI data, URI redshift) {
    return new AwsSettings("eu-west-1", s3, glue, data, redshift, true);
  }

  @Test
  void everyEndpointOnLoopbackIsTheEmbeddedStack() {
    assertThat(LocalCredentials.inject(aws(LOCAL, STAND_IN, STAND_IN, STAND_IN), Map.of()))
        .isTrue();
    URI ipv6 = URI.create("http://[::1]:4566");
    assertThat(LocalCredentials.inject(aws(LOCAL, ipv6, ipv6, ipv6), Map.of())).isTrue();
  }

  @Test
  void realAwsOrAnyNonLoopbackEndpointKeepsTheDefaultChain() {
    assertThat(LocalCredentials.inject(AwsSettings.aws("eu-west-1"), Map.of())).isFalse();
    // one endpoint left to AWS's own is enough
    assertThat(LocalCredentials.inject(aws(LOCAL, STAND_IN, STAND_IN, null), Map.of())).isFalse();
    URI minio = URI.create("http://minio:9000");
    assertThat(LocalCredentials.inject(aws(minio, STAND_IN, STAND_IN, STAND_IN), Map.of()))
        .isFalse();
    URI lookalike = URI.create("https://127.0.0.1.example.com");
    assertThat(LocalCredentials.inject(aws(LOCAL, lookalike, STAND_IN, STAND_IN), Map.of()))
        .isFalse();
    assertThat(LocalCredentials.inject(null, Map.of())).isFalse();
  }

  @Test
  void keysOrAProfileOfTheEnvironmentWinEvenOnLoopback() {
    AwsSettings local = aws(LOCAL, STAND_IN, STAND_IN, STAND_IN);
    assertThat(LocalCredentials.inject(local, Map.of("AWS_ACCESS_KEY_ID", "minio-user"))).isFalse();
    assertThat(LocalCredentials.inject(local, Map.of("AWS_PROFILE", "minio"))).isFalse();
  }

  @Test
  void readsTheAwsSectionOfTheBundledConfiguration() {
    AwsSettings bundled =
        LocalCredentials.awsSettings(Path.of("../config/local.yml")).orElseThrow();
    assertThat(EmbeddedStackEndpoints.only(bundled))
        .as("config/local.yml defaults to the embedded stack's ports")
        .isTrue();
    assertThat(LocalCredentials.awsSettings(dir.resolve("missing.yml"))).isEmpty();
  }

  @Test
  void findsTheConfigurationOfEachKindOfCommand() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yml"), "aws: {region: eu-west-1}\n");

    assertThat(LaunchedConfig.of(LocalMain.commandLine().parseArgs("worker", file.toString())))
        .contains(file);
    assertThat(LaunchedConfig.of(LocalMain.commandLine().parseArgs("starter", file.toString())))
        .contains(file);
    assertThat(
            LaunchedConfig.of(
                LocalMain.commandLine()
                    .parseArgs("iam-policy", "--config", file.toString(), "--pipeline", "p")))
        .contains(file);
    assertThat(
            LaunchedConfig.of(
                LocalMain.commandLine()
                    .parseArgs("run", "-c", file.toString(), "p", "--file", "x")))
        .contains(file);
    assertThat(
            LaunchedConfig.of(
                LocalMain.commandLine().parseArgs("schedule", "pause", "-c", file.toString(), "p")))
        .contains(file);
    // the embedded stack sets its own credentials
    assertThat(LaunchedConfig.of(LocalMain.commandLine().parseArgs("local"))).isEmpty();
    assertThat(LaunchedConfig.of(LocalMain.commandLine().parseArgs("demo"))).isEmpty();
  }
}
