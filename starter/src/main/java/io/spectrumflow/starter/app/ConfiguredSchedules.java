package io.spectrumflow.starter.app;

import io.dropwizard.lifecycle.Managed;
import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.schedules.PipelineSchedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates or updates, at start-up, the schedules the configuration declares. */
public final class ConfiguredSchedules implements Managed {

  private static final Logger log = LoggerFactory.getLogger(ConfiguredSchedules.class);

  private final Pipelines pipelines;
  private final PipelineSchedules schedules;

  public ConfiguredSchedules(Pipelines pipelines, PipelineSchedules schedules) {
    this.pipelines = pipelines;
    this.schedules = schedules;
  }

  @Override
  public void start() {
    pipelines
        .schedules()
        .forEach(
            (name, schedule) -> {
              schedules.put(
                  pipelines.pipeline(name),
                  schedule.cron(),
                  schedule.paused(),
                  "from the starter's configuration");
              log.info(
                  "schedule {}: {}{}",
                  PipelineSchedules.id(name),
                  schedule.cron(),
                  schedule.paused() ? " (paused)" : "");
            });
  }
}
