package io.spectrumflow.local.cli;

import io.spectrumflow.local.s3.EmbeddedS3;
import io.spectrumflow.local.stack.EmbeddedStack;
import io.spectrumflow.worker.ExportWorker;
import io.spectrumflow.worker.WorkerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spectrumflow local}: the embedded stack and a worker, until interrupted. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description =
        "Run the embedded stack (Temporal, S3, Glue + Redshift Data API stand-in) and a worker"
            + " until Ctrl-C.")
public final class LocalStackCommand implements Callable<Integer> {

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
    System.out.printf(
        "Temporal  %s%nS3        %s (access key %s)%nGlue/Data %s%nRunning until Ctrl-C.%n",
        stack.temporalTarget(),
        stack.aws().s3Endpoint(),
        EmbeddedS3.ACCESS_KEY,
        stack.aws().glueEndpoint());
    Thread.currentThread().join(); // until Ctrl-C; the hook stops everything
    return 0;
  }
}
