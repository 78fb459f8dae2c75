package io.spectrumflow.local.cli;

import io.spectrumflow.worker.app.SpectrumflowWorkerApplication;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spectrumflow worker}: a worker process, a Dropwizard application. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description =
        "Run a worker (the export workflow and its activities) with a configuration file; its"
            + " health checks and metrics are under /admin on HTTP_PORT, 8090 by default.")
public final class WorkerAppCommand implements Callable<Integer>, LaunchedConfig.Argument {

  @Mixin ConfigFileArgument file;

  @Override
  public Path configFile() {
    return file.config;
  }

  @Override
  public Integer call() throws Exception {
    if (System.getenv("HTTP_PORT") == null) {
      // the starter takes 8080 from the same file; Dropwizard reads dw.* overrides
      System.setProperty("dw.server.connector.port", "8090");
    }
    new SpectrumflowWorkerApplication().run("server", file.config.toString());
    return 0;
  }
}
