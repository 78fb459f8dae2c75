package io.spectrumflow.local.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The configuration file of the command being launched: the applications' positional argument, or
 * the client commands' {@code --config} (its default applied); none for the embedded-stack
 * commands, which set their own credentials.
 */
final class LaunchedConfig {

  private LaunchedConfig() {}

  /** The command that takes its configuration file as an argument. */
  interface Argument {
    Path configFile();
  }

  static Optional<Path> of(ParseResult parsed) {
    ParseResult command = parsed;
    while (command.hasSubcommand()) {
      command = command.subcommand();
    }
    Object userObject = command.commandSpec().userObject();
    if (userObject instanceof Argument argument) {
      return Optional.ofNullable(argument.configFile());
    }
    OptionSpec option = command.commandSpec().findOption("--config");
    return option != null && option.getValue() instanceof Path path
        ? Optional.of(path)
        : Optional.empty();
  }
}
