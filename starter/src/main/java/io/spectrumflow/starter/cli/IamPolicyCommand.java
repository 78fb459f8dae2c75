package io.spectrumflow.starter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.starter.iam.IamPolicy;
import io.spectrumflow.starter.iam.StagingRoot;
import io.spectrumflow.starter.iam.StarterPolicy;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spectrumflow iam-policy}: the IAM policies a pipeline needs, as JSON. */
@Command(
    name = "iam-policy",
    mixinStandardHelpOptions = true,
    description = {
      "Print least-privilege IAM policies as JSON.",
      "--for worker (the default): the policy of a pipeline's workers (S3 under its staging and"
          + " table prefixes, scheduled runs' moves from incoming/ to kept/, HeadBucket for doctor"
          + " and the health check, the Glue actions of its catalog mode, the Data API), and the"
          + " trust and permissions policies of the role Redshift Spectrum assumes (IAM_ROLE).",
      "--for starter: the policy of the starter, which stages posted bodies in S3 (write, read,"
          + " list and delete under the staging prefix, for every pipeline)."
    })
public final class IamPolicyCommand implements Callable<Integer> {

  /** Whose credentials the policy is for. */
  enum Role {
    worker,
    starter
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--config"},
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/config/local.yml",
      description = "Configuration file with the pipelines (default: ${DEFAULT-VALUE})")
  Path config;

  @Option(
      names = "--for",
      defaultValue = "worker",
      paramLabel = "worker|starter",
      description = "Whose policy: worker (default) or starter")
  Role role;

  @Option(names = "--pipeline", description = "The pipeline (required for the worker's policy)")
  String pipeline;

  @Option(
      names = "--staging",
      description =
          "Where the starter stages inputs, s3://bucket/prefix/, each pipeline under"
              + " <pipeline>/ (default: the file's starter.staging, else s3://<bucket>/staging/)")
  String staging;

  @Override
  public Integer call() throws Exception {
    Pipelines pipelines = PipelinesFile.load(config);
    String root = staging != null ? StagingRoot.parse("--staging", staging) : null;
    if (root == null) {
      root = StagingRoot.ofFile(config).orElse(null);
    }
    ObjectNode out = new ObjectMapper().createObjectNode();
    if (role == Role.starter) {
      if (root == null) {
        throw new ParameterException(
            spec.commandLine(),
            config + ": starter.staging is not set; give --staging s3://bucket/prefix/");
      }
      out.set("starterPolicy", new StarterPolicy(root, pipelines.all().values()).document());
    } else {
      if (pipeline == null) {
        throw new ParameterException(
            spec.commandLine(),
            "--pipeline is required for the worker's policy (or give --for starter)");
      }
      PipelineSpec chosen = pipelines.pipeline(pipeline);
      String stagingRoot = root != null ? root : chosen.storage().bucket() + "/staging/";
      out = new IamPolicy(chosen, stagingRoot + chosen.name() + "/").all();
    }
    System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    return 0;
  }
}
