package io.spectrumflow.local.cli;

import io.spectrumflow.local.bench.BenchCommand;
import io.spectrumflow.starter.cli.SpectrumflowCommand;
import picocli.CommandLine;

/**
 * The {@code ./spectrumflow} launcher's entry point in a checkout: the production commands plus
 * those that run the embedded stack.
 */
public final class LocalMain {

  private LocalMain() {}

  public static void main(String[] args) {
    int exit = commandLine().execute(args);
    if (!isServer(args)) {
      System.exit(exit);
    }
  }

  /**
   * The command line. Before a command runs, the embedded stack's keys are injected if its
   * configuration points only at loopback endpoints ({@link LocalCredentials}); the embedded-stack
   * commands inject them themselves.
   */
  static CommandLine commandLine() {
    CommandLine commandLine =
        new CommandLine(new SpectrumflowCommand())
            .addSubcommand("demo", new DemoCommand())
            .addSubcommand("local", new LocalStackCommand())
            .addSubcommand("bench", new BenchCommand())
            .addSubcommand("starter", new StarterAppCommand())
            .addSubcommand("worker", new WorkerAppCommand());
    commandLine.setExecutionStrategy(
        parsed -> {
          LaunchedConfig.of(parsed)
              .ifPresent(config -> LocalCredentials.injectFor(config, System.getenv()));
          return new CommandLine.RunLast().execute(parsed);
        });
    return commandLine;
  }

  /** The applications keep running after their command returns; the others end with it. */
  private static boolean isServer(String[] args) {
    return args.length > 0 && (args[0].equals("starter") || args[0].equals("worker"));
  }
}
