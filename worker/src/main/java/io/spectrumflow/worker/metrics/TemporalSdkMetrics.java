package io.spectrumflow.worker.metrics;

import com.codahale.metrics.MetricRegistry;
import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import java.time.Duration;

/**
 * The Temporal SDK reports through a tally {@link Scope}; this one reports into Micrometer, whose
 * meters here are Dropwizard metrics, so the SDK's request, poll, task and latency metrics show on
 * the admin {@code /metrics} page beside the application's own.
 */
public final class TemporalSdkMetrics {

  private TemporalSdkMetrics() {}

  /**
   * A scope that reports into {@code registry} every {@code interval}. Close it after the worker
   * stops: closing reports what is left.
   */
  public static Scope reportingInto(MetricRegistry registry, Duration interval) {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(new MetricRegistryMeterRegistry(registry)))
        .reportEvery(com.uber.m3.util.Duration.ofMillis(interval.toMillis()));
  }
}
