package io.spectrumflow.local.cli;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.local.s3.EmbeddedS3;
import io.spectrumflow.local.stack.EmbeddedStack;
import io.spectrumflow.worker.ExportWorker;
import io.spectrumflow.worker.WorkerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code spectrumflow local}: the embedded stack and a worker, until interrupted. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description =
        "Run the embedded stack (Temporal, S3, Glue + Redshift Data API stand-in) and a worker"
            + " until Ctrl-C.")
public final class LocalStackCommand
    implements Callable<Integer>, LaunchedConfig.EmbeddedStackCommand {

  @Option(
      names = "--data-dir",
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/.spectrumflow/local",
      description = "Where S3 objects and the catalog are kept (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(
      names = "--temporal-port",
      defaultValue = "7233",
      description = "default: ${DEFAULT-VALUE}")
  int temporalPort;

  @Option(names = "--s3-port", defaultValue = "9000", description = "default: ${DEFAULT-VALUE}")
  int s3Port;

  @Option(
      names = "--aws-port",
      defaultValue = "4566",
      description = "Glue + Redshift Data API; default: ${DEFAULT-VALUE}")
  int awsPort;

  @Option(names = "--no-worker", description = "Start the servers only")
  boolean noWorker;

  @Option(
      names = "--config",
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/config/local.yml",
      description =
          "The configuration whose buckets (pipelines' storage, the starter's staging) are created"
              + " on the embedded S3 (default: ${DEFAULT-VALUE})")
  Path config;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(dataDir);
    EmbeddedStack stack =
        EmbeddedStack.start(dataDir, new EmbeddedStack.Ports(temporalPort, s3Port, awsPort));
    ExportWorker worker =
        noWorker
            ? null
            : new ExportWorker(
                new WorkerSettings(
                    stack.temporalTarget(), "default", stack.aws(), dataDir.resolve("work")));
    if (worker != null) {
      worker.start();
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (worker != null) {
                    worker.close();
                  }
                  try {
                    stack.close();
                  } catch (Exception e) {
                    System.err.println("stopping the embedded stack: " + e);
                  }
                }));
    Set<String> buckets = ConfiguredBuckets.of(config);
    try (S3Client s3 = AwsClients.s3(stack.aws())) {
      ConfiguredBuckets.ensure(s3, buckets);
    }
    System.out.printf(
        "Temporal  %s%nS3        %s (access key %s, secret %s)%nGlue/Data %s%nBuckets   %s (from"
            + " %s)%n%nFor the other commands (run, status, doctor, worker, starter, the AWS CLI), in"
            + " another shell:%n  export TEMPORAL_ADDRESS=%s S3_ENDPOINT=%s AWS_STANDIN_ENDPOINT=%s%n"
            + "  export AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_REGION=%s%n%n"
            + "Running until Ctrl-C.%n",
        stack.temporalTarget(),
        stack.aws().s3Endpoint(),
        EmbeddedS3.ACCESS_KEY,
        EmbeddedS3.SECRET_KEY,
        stack.aws().glueEndpoint(),
        String.join(", ", buckets),
        config,
        stack.temporalTarget(),
        stack.aws().s3Endpoint(),
        stack.aws().glueEndpoint(),
        EmbeddedS3.ACCESS_KEY,
        EmbeddedS3.SECRET_KEY,
        stack.aws().region());
    Thread.currentThread().join(); // until Ctrl-C; the hook stops everything
    return 0;
  }
}
