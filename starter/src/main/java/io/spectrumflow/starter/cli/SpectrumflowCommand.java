package io.spectrumflow.starter.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spectrumflow} command line. */
@Command(
    name = "spectrumflow",
    mixinStandardHelpOptions = true,
    version = "spectrumflow 0.1.0",
    description =
        "Exports service records to Parquet in S3, catalogs them in Glue and makes them queryable"
            + " in Redshift Spectrum, as Temporal workflows.",
    subcommands = {
      RunCommand.class,
      StatusCommand.class,
      ListCommand.class,
      ScheduleCommand.class,
      IamPolicyCommand.class,
      DoctorCommand.class,
      CommandLine.HelpCommand.class
    })
public final class SpectrumflowCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line of the production tools (without the embedded stack). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SpectrumflowCommand()).execute(args));
  }
}
