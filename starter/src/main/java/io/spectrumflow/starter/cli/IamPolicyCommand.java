package io.spectrumflow.starter.cli;

import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.starter.iam.IamPolicy;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrumflow iam-policy}: the IAM policies a pipeline needs, as JSON. */
@Command(
    name = "iam-policy",
    mixinStandardHelpOptions = true,
    description =
        "Print the least-privilege IAM policy for a pipeline's workers, and the trust and"
            + " permissions policies of the role Redshift Spectrum assumes (IAM_ROLE).")
public final class IamPolicyCommand implements Callable<Integer> {

  @Option(
      names = {"-c", "--config"},
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/config/local.yml",
      description = "Configuration file with the pipelines (default: ${DEFAULT-VALUE})")
  Path config;

  @Option(names = "--pipeline", required = true, description = "The pipeline")
  String pipeline;

  @Option(
      names = "--staging",
      description =
          "Where inputs are staged, bucket/prefix/ (default: <bucket>/staging/<pipeline>/)")
  String staging;

  @Override
  public Integer call() throws Exception {
    PipelineSpec spec = PipelinesFile.load(config).pipeline(pipeline);
    String stagingPrefix =
        staging != null ? staging : spec.storage().bucket() + "/staging/" + spec.name() + "/";
    System.out.println(
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(new IamPolicy(spec, stagingPrefix).all()));
    return 0;
  }
}
