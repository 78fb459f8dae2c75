package io.spectrumflow.worker.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code worker:} section: how this worker process runs its part of the exports. */
public class WorkerSection {

  /** Where dumped Parquet files wait for their upload; needs room for a batch's output. */
  @NotNull @JsonProperty private Path workDir;

  /**
   * How long an upload may wait for the worker that dumped its files. Past this that worker is
   * taken for gone and dump and upload are redone elsewhere. Longer means fewer redone dumps when a
   * worker restarts quickly; shorter means less waiting when it does not come back.
   */
  @NotNull
  @MinDuration(value = 1, unit = TimeUnit.SECONDS)
  @MaxDuration(value = 1, unit = TimeUnit.DAYS)
  @JsonProperty
  private Duration hostPickupTimeout = Duration.minutes(2);

  /**
   * How long a workflow task waits on this worker's sticky queue (where its cached workflows are
   * continued without replay) before the server gives it to any worker. Zero turns sticky execution
   * off: needed with the embedded stack's Temporal test server, which never moves a task off the
   * sticky queue of a worker that has stopped.
   */
  @NotNull
  @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
  @JsonProperty
  private Duration stickyQueueScheduleToStartTimeout = Duration.seconds(5);

  /** How long running activities may take to finish once the worker is told to stop. */
  @NotNull
  @MaxDuration(value = 1, unit = TimeUnit.HOURS)
  @JsonProperty
  private Duration shutdownGracePeriod = Duration.seconds(30);

  /** How often the Temporal SDK's metrics are reported into the application's registry. */
  @NotNull
  @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
  @JsonProperty
  private Duration metricsReportInterval = Duration.seconds(10);

  /**
   * Buckets the S3 health check reaches with HeadBucket. Empty: it calls ListBuckets instead, which
   * needs {@code s3:ListAllMyBuckets}, a permission least-privilege policies leave out.
   */
  @NotNull @JsonProperty private List<@NotBlank String> healthCheckBuckets = List.of();

  public Path getWorkDir() {
    return workDir;
  }

  public Duration getHostPickupTimeout() {
    return hostPickupTimeout;
  }

  public Duration getStickyQueueScheduleToStartTimeout() {
    return stickyQueueScheduleToStartTimeout;
  }

  public Duration getShutdownGracePeriod() {
    return shutdownGracePeriod;
  }

  public Duration getMetricsReportInterval() {
    return metricsReportInterval;
  }

  public List<String> getHealthCheckBuckets() {
    return healthCheckBuckets;
  }
}
