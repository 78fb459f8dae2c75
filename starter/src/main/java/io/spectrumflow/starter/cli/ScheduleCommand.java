package io.spectrumflow.starter.cli;

import io.spectrumflow.starter.config.CronSpec;
import io.spectrumflow.starter.schedules.PipelineSchedules;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleListDescription;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spectrumflow schedule ...}: pipelines' Temporal Schedules. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description =
        "Manage pipelines' schedules: each runs the pipeline over what was staged in its incoming"
            + " folder since the last run, never two at once.",
    subcommands = {
      ScheduleCommand.Put.class,
      ScheduleCommand.ListSchedules.class,
      ScheduleCommand.Pause.class,
      ScheduleCommand.Unpause.class,
      ScheduleCommand.Trigger.class,
      ScheduleCommand.Delete.class
    })
public final class ScheduleCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "put",
      mixinStandardHelpOptions = true,
      description = "Create or change a pipeline's schedule.")
  static final class Put implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(index = "0", description = "The pipeline")
    String pipeline;

    @Option(
        names = "--cron",
        required = true,
        description = "Five-field cron, or @hourly, @every 10m, ...")
    String cron;

    @Option(names = "--paused", description = "Create it paused")
    boolean paused;

    @Override
    public Integer call() {
      CronSpec.requireValid("--cron", cron);
      try (Connected connected = options.connect()) {
        connected
            .schedules()
            .put(connected.pipelines.pipeline(pipeline), cron, paused, "set from the command line");
        System.out.println(
            "schedule "
                + PipelineSchedules.id(pipeline)
                + ": "
                + cron
                + (paused ? " (paused)" : ""));
        return 0;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the pipelines' schedules.")
  static final class ListSchedules implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Override
    public Integer call() {
      try (Connected connected = options.connect()) {
        for (ScheduleListDescription schedule : connected.schedules().list()) {
          System.out.printf(
              "%-32s %-7s next %s%n",
              schedule.getScheduleId(),
              schedule.getSchedule().getState().isPaused() ? "paused" : "active",
              schedule.getInfo().getNextActionTimes().stream()
                  .findFirst()
                  .map(Object::toString)
                  .orElse("-"));
        }
        return 0;
      }
    }
  }

  /** A subcommand acting on one pipeline's schedule. */
  abstract static class OnPipeline implements Callable<Integer> {
    @Mixin ConfigOptions options;

    @Parameters(index = "0", description = "The pipeline")
    String pipeline;

    @Override
    public Integer call() {
      try (Connected connected = options.connect()) {
        return act(connected.schedules(), connected);
      }
    }

    abstract int act(PipelineSchedules schedules, Connected connected);
  }

  @Command(
      name = "pause",
      mixinStandardHelpOptions = true,
      description = "Pause a pipeline's schedule.")
  static final class Pause extends OnPipeline {
    @Option(names = "--note", defaultValue = "paused from the command line", description = "Why")
    String note;

    @Override
    int act(PipelineSchedules schedules, Connected connected) {
      schedules.pause(pipeline, note);
      return describe(connected, pipeline);
    }
  }

  @Command(
      name = "unpause",
      mixinStandardHelpOptions = true,
      description = "Unpause a pipeline's schedule.")
  static final class Unpause extends OnPipeline {
    @Option(names = "--note", defaultValue = "unpaused from the command line", description = "Why")
    String note;

    @Override
    int act(PipelineSchedules schedules, Connected connected) {
      schedules.unpause(pipeline, note);
      return describe(connected, pipeline);
    }
  }

  @Command(
      name = "trigger",
      mixinStandardHelpOptions = true,
      description = "Run a pipeline's schedule now.")
  static final class Trigger extends OnPipeline {
    @Override
    int act(PipelineSchedules schedules, Connected connected) {
      schedules.trigger(pipeline);
      System.out.println("triggered " + PipelineSchedules.id(pipeline));
      return 0;
    }
  }

  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = "Delete a pipeline's schedule.")
  static final class Delete extends OnPipeline {
    @Override
    int act(PipelineSchedules schedules, Connected connected) {
      schedules.delete(pipeline);
      System.out.println("deleted " + PipelineSchedules.id(pipeline));
      return 0;
    }
  }

  private static int describe(Connected connected, String pipeline) {
    ScheduleDescription description = connected.schedules().describe(pipeline);
    System.out.printf(
        "%s: %s, %d runs, %d skipped%n",
        description.getId(),
        description.getSchedule().getState().isPaused() ? "paused" : "active",
        description.getInfo().getNumActions(),
        description.getInfo().getNumActionsSkippedOverlap());
    return 0;
  }
}
