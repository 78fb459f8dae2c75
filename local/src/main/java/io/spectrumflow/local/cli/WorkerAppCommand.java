package io.spectrumflow.local.cli;

import io.spectrumflow.worker.app.SpectrumflowWorkerApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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
public final class WorkerAppCommand implements Callable<Integer>, LaunchedConfig.Argument {

  @Mixin ConfigFileArgument file;

  @Override
  public Path configFile() {
    return file.config;
  }

  @Override
  public Integer call() throws Exception {
    portOverrides(System.getenv()).forEach(System::setProperty);
    new SpectrumflowWorkerApplication().run("server", file.config.toString());
    return 0;
  }

  /**
   * The starter takes 8080 and 8081 from the same file, so the worker moves to 8090 and 8091 unless
   * HTTP_PORT or ADMIN_PORT say otherwise; Dropwizard reads these {@code dw.*} overrides.
   */
  static Map<String, String> portOverrides(Map<String, String> environment) {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (!environment.containsKey("HTTP_PORT")) {
      overrides.put("dw.server.applicationConnectors[0].port", "8090");
    }
    if (!environment.containsKey("ADMIN_PORT")) {
      overrides.put("dw.server.adminConnectors[0].port", "8091");
    }
    return overrides;
  }
}
