package io.spectrumflow.local.cli;

import io.spectrumflow.local.bench.BenchCommand;
import io.spectrumflow.local.s3.LocalAws;
import io.spectrumflow.starter.cli.SpectrumflowCommand;
import picocli.CommandLine;

/**
 * The {@code ./spectrumflow} launcher's entry point in a checkout: the production commands plus
 * those that run the embedded stack.
 */
public final class LocalMain {

  private LocalMain() {}

  public static void main(String[] args) {
    if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null) {
      // a checkout without AWS credentials talks to the embedded stack, which takes these keys
      LocalAws.useLocalCredentials();
    }
    CommandLine commandLine =
        new CommandLine(new SpectrumflowCommand())
            .addSubcommand("demo", new DemoCommand())
            .addSubcommand("local", new LocalStackCommand())
            .addSubcommand("bench", new BenchCommand())
            .addSubcommand("starter", new StarterAppCommand())
            .addSubcommand("worker", new WorkerAppCommand());
    int exit = commandLine.execute(args);
    if (!isServer(args)) {
      System.exit(exit);
    }
  }

  /** The applications keep running after their command returns; the others end with it. */
  private static boolean isServer(String[] args) {
    return args.length > 0 && (args[0].equals("starter") || args[0].equals("worker"));
  }
}
