package io.spectrumflow.starter.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The configuration file and an optional Temporal address override, for client commands. */
public final class ConfigOptions {

  @Option(
      names = {"-c", "--config"},
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/config/local.yml",
      description = "Configuration file (default: ${DEFAULT-VALUE})")
  Path config;

  @Option(
      names = "--temporal",
      description = "Temporal frontend host:port, instead of the configuration's temporal.target")
  String temporal;

  Connected connect() {
    return new Connected(CliConfig.load(config), temporal);
  }
}
