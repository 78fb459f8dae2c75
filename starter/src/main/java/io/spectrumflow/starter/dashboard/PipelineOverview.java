package io.spectrumflow.starter.dashboard;

import io.spectrumflow.starter.config.PipelineConfig;
import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.schedules.PipelineSchedules;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.schedules.ScheduleListDescription;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured pipelines with their schedules as Temporal has them (or as configured, when
 * Temporal has none yet) and their latest runs.
 */
final class PipelineOverview {

  private final Pipelines pipelines;
  private final PipelineSchedules schedules;
  private final RunBoard runs;

  PipelineOverview(Pipelines pipelines, PipelineSchedules schedules, RunBoard runs) {
    this.pipelines = pipelines;
    this.schedules = schedules;
    this.runs = runs;
  }

  /**
   * @param recent the recent runs already fetched, newest first: a pipeline's latest run is taken
   *     from them when it is among them
   */
  List<PipelineRow> rows(List<DashboardRun> recent) {
    Optional<Map<String, ScheduleListDescription>> listed = liveSchedules();
    Map<String, ScheduleListDescription> live = listed.orElse(Map.of());
    return pipelines.names().stream()
        .sorted()
        .map(
            name -> {
              DashboardRun last =
                  recent.stream()
                      .filter(run -> name.equals(run.view().pipeline()))
                      .findFirst()
                      .or(() -> runs.latest(name))
                      .orElse(null);
              ScheduleListDescription schedule = live.get(PipelineSchedules.id(name));
              PipelineConfig.Schedule configured = pipelines.schedules().get(name);
              return row(
                  name,
                  cron(schedule, configured),
                  state(schedule, configured, listed.isEmpty()),
                  last);
            })
        .toList();
  }

  /** The pipelines as configured, for when Temporal cannot be asked about them. */
  List<PipelineRow> configured() {
    return pipelines.names().stream()
        .sorted()
        .map(
            name -> {
              PipelineConfig.Schedule configured = pipelines.schedules().get(name);
              return row(
                  name,
                  configured == null ? null : configured.cron(),
                  configured == null ? null : "Temporal not reachable",
                  null);
            })
        .toList();
  }

  private PipelineRow row(String name, String schedule, String scheduleState, DashboardRun last) {
    PipelineSpec spec = pipelines.pipeline(name);
    return new PipelineRow(
        name,
        spec.format().name().toLowerCase(Locale.ROOT),
        spec.catalog().database()
            + "."
            + spec.catalog().table()
            + " ("
            + spec.catalog().mode().name().toLowerCase(Locale.ROOT)
            + ")",
        schedule,
        scheduleState,
        last);
  }

  /** Temporal's schedules by id, or empty when Temporal cannot list them. */
  private Optional<Map<String, ScheduleListDescription>> liveSchedules() {
    try {
      return Optional.of(
          schedules.list().stream()
              .collect(
                  Collectors.toMap(
                      ScheduleListDescription::getScheduleId, Function.identity(), (a, b) -> a)));
    } catch (RuntimeException unlisted) {
      // the configured schedules are still worth showing
      return Optional.empty();
    }
  }

  private static String cron(ScheduleListDescription live, PipelineConfig.Schedule configured) {
    Optional<List<String>> expressions =
        Optional.ofNullable(live)
            .map(s -> s.getSchedule().getSpec().getCronExpressions())
            .filter(list -> !list.isEmpty());
    if (expressions.isPresent()) {
      return String.join(", ", expressions.get());
    }
    if (configured != null) {
      return configured.cron();
    }
    // a schedule put through the API whose spec the server keeps as calendars
    return live == null ? null : "calendar spec";
  }

  private static String state(
      ScheduleListDescription live, PipelineConfig.Schedule configured, boolean unknown) {
    if (live != null) {
      if (live.getSchedule().getState().isPaused()) {
        return "paused";
      }
      return live.getInfo().getNextActionTimes().stream()
          .findFirst()
          .map(next -> "next " + Formats.instant(next))
          .orElse("no next run");
    }
    if (configured == null) {
      return null;
    }
    return unknown ? "Temporal did not list schedules" : "not created in Temporal yet";
  }
}
