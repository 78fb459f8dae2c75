package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.starter.cli.SpectrumflowCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code spectrumflow doctor} against a worker on the embedded stack. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoctorTest {

  @TempDir static Path dir;
  private RunningStack stack;
  private Path config;

  @BeforeAll
  void start() throws Exception {
    stack = new RunningStack(dir.resolve("data"));
    config =
        Files.writeString(
            dir.resolve("doctor.yml"),
            """
            pipelines:
              healthy:
                storage: {bucket: doctor-lake}
                catalog: {database: doctor}
                redshift:
                  clusterIdentifier: spectrumflow-local
                  dbUser: awsuser
                  iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
              unassociated:
                storage: {bucket: doctor-lake}
                catalog: {database: doctor}
                redshift:
                  clusterIdentifier: spectrumflow-local
                  dbUser: awsuser
                  iamRole: arn:aws:iam::000000000000:role/not-associated
            """);
    stack.aws.s3().createBucket(b -> b.bucket("doctor-lake"));
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private Result doctor(String pipeline) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int exit =
          new CommandLine(new SpectrumflowCommand())
              .execute(
                  "doctor",
                  "--temporal",
                  stack.stack.temporalTarget(),
                  "--config",
                  config.toString(),
                  "--pipeline",
                  pipeline);
      return new Result(exit, out.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void aHealthyPipelinePassesEveryCheck() {
    Result result = doctor("healthy");

    assertThat(result.exit).as(result.output).isZero();
    assertThat(result.output)
        .contains("ok   S3 bucket doctor-lake")
        .contains("ok   Redshift IAM role association")
        .contains("ok   Redshift Data API")
        .contains("All checks passed.");
  }

  @Test
  void aRoleThatIsNotAssociatedFailsSayingHowToAssociateIt() {
    Result result = doctor("unassociated");

    assertThat(result.exit).isEqualTo(1);
    assertThat(result.output)
        .contains("FAIL Redshift IAM role association")
        .contains(
            "aws redshift modify-cluster-iam-roles --cluster-identifier spectrumflow-local"
                + " --add-iam-roles arn:aws:iam::000000000000:role/not-associated");
  }

  private record Result(int exit, String output) {}
}
