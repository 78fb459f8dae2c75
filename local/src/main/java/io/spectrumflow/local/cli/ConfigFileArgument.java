package io.spectrumflow.local.cli;

import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The configuration file the applications are started with. */
final class ConfigFileArgument {

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "${env:SPECTRUMFLOW_HOME:-.}/config/local.yml",
      description = "Configuration file (default: ${DEFAULT-VALUE})")
  Path config;
}
