package io.spectrumflow.local.cli;

import io.spectrumflow.worker.app.SpectrumflowWorkerApplication;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spectrumflow worker}: a worker process, a Dropwizard application. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description =
        "Run a worker (the export workflow and its activities) with a configuration file; its"
            + " health checks and metrics are on the admin port, ADMIN_PORT (8091 by default) of"
            + " 127.0.0.1.")
public final class WorkerAppCommand implements Callable<Integer> {

  @Mixin ConfigFileArgument file;

  @Override
  public Integer call() throws Exception {
    // the starter takes 8080 and 8081 from the same file; Dropwizard reads dw.* overrides
    if (System.getenv("HTTP_PORT") == null) {
      System.setProperty("dw.server.applicationConnectors[0].port", "8090");
    }
    if (System.getenv("ADMIN_PORT") == null) {
      System.setProperty("dw.server.adminConnectors[0].port", "8091");
    }
    new SpectrumflowWorkerApplication().run("server", file.config.toString());
    return 0;
  }
}
