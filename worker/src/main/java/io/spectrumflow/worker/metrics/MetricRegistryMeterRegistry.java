package io.spectrumflow.worker.metrics;

import com.codahale.metrics.MetricRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.dropwizard.DropwizardConfig;
import io.micrometer.core.instrument.dropwizard.DropwizardMeterRegistry;
import io.micrometer.core.instrument.util.HierarchicalNameMapper;

/**
 * A Micrometer registry whose meters are Dropwizard metrics in the given registry. Names keep the
 * reporter's own spelling ({@code temporal_request}) and append tags as {@code .key.value}, sorted
 * by key: {@code temporal_request.namespace.default.operation.PollActivityTaskQueue}.
 */
final class MetricRegistryMeterRegistry extends DropwizardMeterRegistry {

  MetricRegistryMeterRegistry(MetricRegistry registry) {
    super(new Config(), registry, HierarchicalNameMapper.DEFAULT, Clock.SYSTEM);
    config().namingConvention(NamingConvention.identity);
  }

  @Override
  protected Double nullGaugeValue() {
    return Double.NaN;
  }

  private static final class Config implements DropwizardConfig {
    @Override
    public String prefix() {
      return "dropwizard";
    }

    @Override
    public String get(String key) {
      return null; // every setting at its default
    }
  }
}
