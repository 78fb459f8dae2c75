package io.spectrumflow.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.local.s3.EmbeddedS3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./spectrumflow} pointed at real AWS leaves the default credential chain (profile, SSO,
 * instance role) alone; pointed at the embedded stack it answers with the stack's keys. Each case
 * runs the launcher's entry point in its own JVM, without AWS keys or a profile in the environment.
 */
class LauncherCredentialsTest {

  @TempDir Path dir;

  private Path config(String endpoints) throws IOException {
    return Files.writeString(
        dir.resolve("c.yml"),
        """
        aws:
          region: eu-west-1
        %s
        pipelines:
          events:
            storage: {bucket: lake}
            catalog: {database: web}
            redshift: {workgroupName: wg, iamRole: "arn:aws:iam::123456789012:role/spectrum"}
        """
            .formatted(endpoints));
  }

  private String launchedAccessKey(Path config) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            CredentialsProbe.class.getName(),
            "iam-policy",
            "--config",
            config.toString(),
            "--pipeline",
            "events");
    builder.environment().remove("AWS_ACCESS_KEY_ID");
    builder.environment().remove("AWS_PROFILE");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    List<String> probe = output.lines().filter(l -> l.startsWith("aws.accessKeyId=")).toList();
    assertThat(probe).as(output).hasSize(1);
    return probe.get(0).substring("aws.accessKeyId=".length());
  }

  @Test
  void realAwsEndpointsGetNoInjectedKeys() throws Exception {
    assertThat(launchedAccessKey(config(""))).isEqualTo("null");
  }

  @Test
  void aNonLoopbackEndpointAmongLocalOnesGetsNoInjectedKeys() throws Exception {
    Path file =
        config(
            """
              s3Endpoint: https://s3.eu-west-1.amazonaws.com
              glueEndpoint: http://127.0.0.1:4566
              redshiftDataEndpoint: http://127.0.0.1:4566
              redshiftEndpoint: http://127.0.0.1:4566
            """);
    assertThat(launchedAccessKey(file)).isEqualTo("null");
  }

  @Test
  void theEmbeddedStacksEndpointsGetItsKeys() throws Exception {
    Path file =
        config(
            """
              s3Endpoint: http://127.0.0.1:9000
              glueEndpoint: http://127.0.0.1:4566
              redshiftDataEndpoint: http://localhost:4566
              redshiftEndpoint: http://localhost:4566
            """);
    assertThat(launchedAccessKey(file)).isEqualTo(EmbeddedS3.ACCESS_KEY);
  }
}
