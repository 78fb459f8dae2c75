package io.spectrumflow.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.local.s3.EmbeddedS3;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code spectrumflow local} on a fresh data directory, as the README's walkthrough starts it: the
 * buckets the shipped configuration names exist, and it prints what the other commands need
 * (endpoints, the S3 key and secret, the {@code export} lines). Runs the launcher's entry point in
 * its own JVM, stopped with SIGTERM as Ctrl-C stops it.
 */
class LocalStackFirstRunTest {

  @TempDir Path dir;

  @Test
  void aFreshLocalStackHasTheConfiguredBucketsAndSaysHowToReachIt() throws Exception {
    Path config = Path.of(System.getProperty("user.dir")).getParent().resolve("config/local.yml");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            LocalMain.class.getName(),
            "local",
            "--no-worker",
            "--data-dir",
            dir.resolve("data").toString(),
            "--config",
            config.toString(),
            "--temporal-port",
            "0",
            "--s3-port",
            "0",
            "--aws-port",
            "0");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Instant deadline = Instant.now().plusSeconds(90);
      for (String line; (line = out.readLine()) != null && Instant.now().isBefore(deadline); ) {
        lines.add(line);
        if (line.startsWith("Running until")) {
          break;
        }
      }
      assertThat(lines).as(String.join("\n", lines)).anyMatch(l -> l.startsWith("Running until"));
      String s3 =
          lines.stream()
              .filter(l -> l.startsWith("S3 "))
              .findFirst()
              .orElseThrow()
              .replaceAll("^S3 +(http\\S+).*", "$1");
      assertThat(lines)
          .anyMatch(l -> l.contains("secret " + EmbeddedS3.SECRET_KEY))
          .anyMatch(
              l ->
                  l.contains("export TEMPORAL_ADDRESS=")
                      && l.contains("S3_ENDPOINT=" + s3)
                      && l.contains("AWS_STANDIN_ENDPOINT="))
          .anyMatch(l -> l.contains("AWS_SECRET_ACCESS_KEY=" + EmbeddedS3.SECRET_KEY))
          .anyMatch(l -> l.startsWith("Buckets   spectrumflow-lake"));
      try (S3Client client =
          S3Client.builder()
              .endpointOverride(URI.create(s3))
              .region(Region.US_EAST_1)
              .forcePathStyle(true)
              .credentialsProvider(
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)))
              .build()) {
        // the bucket config/local.yml's pipelines and staging use, on a data directory never used
        client.headBucket(b -> b.bucket("spectrumflow-lake"));
      }
    } finally {
      process.destroy(); // SIGTERM: the shutdown hook stops the stack, as Ctrl-C does
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
