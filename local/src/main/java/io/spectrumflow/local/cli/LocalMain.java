package io.spectrumflow.local.cli;

import io.spectrumflow.starter.cli.SpectrumflowCommand;
import picocli.CommandLine;

/**
 * The {@code ./spectrumflow} launcher's entry point in a checkout: the production commands plus
 * those that run the embedded stack.
 */
public final class LocalMain {

  private LocalMain() {}

  public static void main(String[] args) {
    CommandLine commandLine =
        new CommandLine(new SpectrumflowCommand())
            .addSubcommand("demo", new DemoCommand())
            .addSubcommand("local", new LocalStackCommand());
    System.exit(commandLine.execute(args));
  }
}
