package io.spectrumflow.local.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * A command that runs the embedded stack: its {@code --config} names pipelines, not the
   * endpoints, and it sets the stack's credentials itself.
   */
  interface EmbeddedStackCommand {}

  /** The file of the command run, or of the nearest command above it that names one. */
  static Optional<Path> of(ParseResult parsed) {
    List<ParseResult> chain = new ArrayList<>();
    for (ParseResult command = parsed; command != null; command = command.subcommand()) {
      chain.add(0, command);
    }
    for (ParseResult command : chain) {
      Optional<Path> file = fileOf(command);
      if (file.isPresent()) {
        return file;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> fileOf(ParseResult command) {
    Object userObject = command.commandSpec().userObject();
    if (userObject instanceof EmbeddedStackCommand) {
      return Optional.empty();
    }
    if (userObject instanceof Argument argument) {
      return Optional.ofNullable(argument.configFile());
    }
    OptionSpec option = command.commandSpec().findOption("--config");
    return option != null && option.getValue() instanceof Path path
        ? Optional.of(path)
        : Optional.empty();
  }
}
