package io.spectrumflow.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import com.uber.m3.tally.Scope;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the SDK reports through its tally scope appears in the Dropwizard registry. */
class TemporalSdkMetricsTest {

  @Test
  void sdkCountersAndTimersBecomeDropwizardMetricsNamedWithTheTagsThatApply() throws Exception {
    MetricRegistry registry = new MetricRegistry();
    Scope scope = TemporalSdkMetrics.reportingInto(registry, Duration.ofMinutes(1));
    Scope tagged =
        scope.tagged(Map.of("operation", "PollActivityTaskQueue", "namespace", "default"));

    tagged.counter("temporal_request").inc(3);
    tagged.timer("temporal_request_latency").record(com.uber.m3.util.Duration.ofMillis(12));
    scope.close(); // reports what is pending

    // Micrometer counters are Dropwizard meters.
    assertThat(
            registry
                .getMeters()
                .get("temporal_request.namespace.default.operation.PollActivityTaskQueue")
                .getCount())
        .isEqualTo(3);
    assertThat(
            registry
                .getTimers()
                .get("temporal_request_latency.namespace.default.operation.PollActivityTaskQueue")
                .getCount())
        .isEqualTo(1);
  }
}
