package io.spectrumflow.starter.app;

import io.dropwizard.lifecycle.Managed;
import io.spectrumflow.starter.runs.BatchRun;
import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.schedule.StagedBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes staged batches past their retention period, and posted bodies that no run took, a minute
 * after start-up and a few times a day.
 */
public final class StagingRetention implements Managed {

  private static final Logger log = LoggerFactory.getLogger(StagingRetention.class);

  /** A body is staged moments before its run starts: younger than this it may still get one. */
  static final Duration GRACE = Duration.ofMinutes(10);

  /**
   * Older bodies are not judged: Temporal keeps a closed run at least a day (its smallest namespace
   * retention), so past that "no run" may only mean the run's history was deleted.
   */
  static final Duration RUNS_KEPT = Duration.ofHours(20);

  private final StagingArea staging;
  private final RunLookup runs;
  private final Set<String> pipelines;
  private final Duration retention;
  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

  public StagingRetention(
      StagingArea staging, RunLookup runs, Set<String> pipelines, Duration retention, Clock clock) {
    this.staging = staging;
    this.runs = runs;
    this.pipelines = pipelines;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public void start() {
    timer.scheduleWithFixedDelay(this::sweep, 1, 6 * 60, TimeUnit.MINUTES);
  }

  /** One sweep of every pipeline's staging, as the timer runs it. */
  public void sweep() {
    for (String pipeline : pipelines) {
      try {
        int deleted = staging.deleteOlderThan(pipeline, clock.instant().minus(retention));
        if (deleted > 0) {
          log.info("staging of {}: deleted {} objects older than {}", pipeline, deleted, retention);
        }
        int unrun = deleteUnrun(pipeline);
        if (unrun > 0) {
          log.info("staging of {}: deleted {} posted bodies that no run exports", pipeline, unrun);
        }
      } catch (RuntimeException e) {
        log.warn("staging of {}: retention sweep failed: {}", pipeline, e.toString());
      }
    }
  }

  /**
   * Deletes the bodies staged by requests that started no run (a starter killed between staging and
   * start) or lost the race for their batch to another body. A body staged before bodies got digest
   * folders, or one whose run's request cannot be read, is left to the retention period.
   */
  private int deleteUnrun(String pipeline) {
    Instant now = clock.instant();
    int deleted = 0;
    for (StagedBatch body :
        staging.postedBetween(pipeline, now.minus(RUNS_KEPT), now.minus(GRACE))) {
      if (staging.postedDigest(pipeline, body.batchId(), body.inputs()).isEmpty()) {
        continue;
      }
      Optional<BatchRun> run = runs.batchRun(pipeline, body.batchId());
      boolean unrun =
          run.isEmpty()
              || run.get().request() != null && !body.inputs().equals(run.get().request().inputs());
      if (unrun) {
        staging.unstage(pipeline, body);
        deleted += body.inputs().size();
      }
    }
    return deleted;
  }

  @Override
  public void stop() {
    timer.shutdownNow();
  }
}
