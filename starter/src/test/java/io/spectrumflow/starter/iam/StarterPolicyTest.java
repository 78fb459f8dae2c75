package io.spectrumflow.starter.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spectrumflow.starter.cli.SpectrumflowCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code iam-policy --for starter}: what the starter's own credentials need, scoped by staging. */
class StarterPolicyTest {

  @TempDir Path dir;

  private Path config(String starter) throws Exception {
    return Files.writeString(
        dir.resolve("c.yml"),
        """
        aws: {region: eu-west-1}
        %s
        pipelines:
          clicks:
            storage: {bucket: lake, prefix: exports}
            catalog: {database: web}
            redshift: {workgroupName: wg, iamRole: "arn:aws-cn:iam::123456789012:role/spectrum"}
        """
            .formatted(starter));
  }

  private static Printed iamPolicy(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      CommandLine command = new CommandLine(new SpectrumflowCommand());
      StringWriter err = new StringWriter();
      command.setErr(new PrintWriter(err, true));
      List<String> all = new ArrayList<>(List.of("iam-policy"));
      all.addAll(List.of(args));
      int exit = command.execute(all.toArray(String[]::new));
      return new Printed(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
    }
  }

  private record Printed(int exit, String out, String err) {}

  @Test
  void theStarterMayWriteReadListAndDeleteUnderTheStagingPrefixOnly() throws Exception {
    Path file = config("starter: {authToken: t, staging: \"s3://drops/staging/\"}");

    Printed printed = iamPolicy("--config", file.toString(), "--for", "starter");

    assertThat(printed.exit()).as(printed.err()).isZero();
    JsonNode policy = new ObjectMapper().readTree(printed.out()).get("starterPolicy");
    JsonNode stage = policy.at("/Statement/0");
    assertThat(stage.get("Sid").asText()).isEqualTo("StageBodies");
    assertThat(stage.get("Action").toString())
        .isEqualTo("[\"s3:PutObject\",\"s3:GetObject\",\"s3:DeleteObject\"]");
    assertThat(stage.get("Resource").toString()).isEqualTo("[\"arn:aws-cn:s3:::drops/staging/*\"]");
    JsonNode list = policy.at("/Statement/1");
    assertThat(list.get("Resource").toString()).isEqualTo("[\"arn:aws-cn:s3:::drops\"]");
    assertThat(list.at("/Condition/StringLike/s3:prefix/0").asText()).isEqualTo("staging/*");
    assertThat(policy.get("Statement")).hasSize(2);
  }

  @Test
  void theWorkersPolicyIsTheDefaultAndFollowsTheConfiguredStaging() throws Exception {
    Path file = config("starter: {authToken: t, staging: \"s3://drops/staging/\"}");

    Printed printed = iamPolicy("--config", file.toString(), "--pipeline", "clicks");

    assertThat(printed.exit()).as(printed.err()).isZero();
    JsonNode all = new ObjectMapper().readTree(printed.out());
    assertThat(all.has("workerPolicy")).isTrue();
    assertThat(all.has("starterPolicy")).isFalse();
    assertThat(all.get("workerPolicy").toString())
        .contains("arn:aws-cn:s3:::drops/staging/clicks/*")
        .contains("arn:aws-cn:s3:::drops/staging/clicks/kept/*");
  }

  @Test
  void withoutAStagingSettingTheStartersPolicyAsksForOne() throws Exception {
    Printed printed = iamPolicy("--config", config("").toString(), "--for", "starter");

    assertThat(printed.exit()).isNotZero();
    assertThat(printed.err()).contains("starter.staging is not set; give --staging");
    Printed given =
        iamPolicy("--config", config("").toString(), "--for", "starter", "--staging", "s3://d/p/");
    assertThat(given.out()).contains("arn:aws-cn:s3:::d/p/*");
  }

  @Test
  void helpSaysTheWorkersPolicyIsTheDefault() {
    Printed printed = iamPolicy("--help");

    assertThat(printed.out()).contains("--for worker (the default)").contains("--for starter");
  }
}
