package io.spectrumflow.local.cli;

import io.spectrumflow.starter.app.SpectrumflowStarterApplication;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spectrumflow starter}: the starter's HTTP API, a Dropwizard application. */
@Command(
    name = "starter",
    mixinStandardHelpOptions = true,
    description =
        "Run the starter (HTTP API: batches, runs, schedules, backfill) with a configuration file;"
            + " config/local.yml listens on HTTP_PORT, 8080 by default, and its admin on ADMIN_PORT,"
            + " 8081 of 127.0.0.1.")
public final class StarterAppCommand implements Callable<Integer>, LaunchedConfig.Argument {

  @Mixin ConfigFileArgument file;

  @Override
  public Path configFile() {
    return file.config;
  }

  @Override
  public Integer call() throws Exception {
    new SpectrumflowStarterApplication().run("server", file.config.toString());
    return 0;
  }
}
