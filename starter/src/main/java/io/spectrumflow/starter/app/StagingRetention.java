package io.spectrumflow.starter.app;

import io.dropwizard.lifecycle.Managed;
import io.spectrumflow.starter.staging.StagingArea;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes staged batches past their retention period, a few times a day. */
public final class StagingRetention implements Managed {

  private static final Logger log = LoggerFactory.getLogger(StagingRetention.class);

  private final StagingArea staging;
  private final Set<String> pipelines;
  private final Duration retention;
  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  public StagingRetention(
      StagingArea staging, Set<String> pipelines, Duration retention, Clock clock) {
    this.staging = staging;
    this.pipelines = pipelines;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public void start() {
    timer.scheduleWithFixedDelay(this::sweep, 1, 6 * 60, TimeUnit.MINUTES);
  }

  void sweep() {
    for (String pipeline : pipelines) {
      try {
        int deleted = staging.deleteOlderThan(pipeline, clock.instant().minus(retention));
        if (deleted > 0) {
          log.info("staging of {}: deleted {} objects older than {}", pipeline, deleted, retention);
        }
      } catch (RuntimeException e) {
        log.warn("staging of {}: retention sweep failed: {}", pipeline, e.toString());
      }
    }
  }

  @Override
  public void stop() {
    timer.shutdownNow();
  }
}
