package io.spectrumflow.worker.metrics;

import com.codahale.metrics.MetricRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.dropwizard.DropwizardConfig;
import io.micrometer.core.instrument.dropwizard.DropwizardMeterRegistry;
import java.util.stream.Collectors;

/**
 * A Micrometer registry whose meters are Dropwizard metrics in the given registry. Names keep the
 * reporter's own spelling ({@code temporal_request}) and append tags as {@code .key.value}, sorted
 * by key: {@code temporal_request.namespace.default.operation.PollActivityTaskQueue}.
 */
final class MetricRegistryMeterRegistry extends DropwizardMeterRegistry {

  /**
   * The Temporal SDK gives every metric all of its tag keys, {@code none} where one does not apply,
   * so that Prometheus sees one key set per name; in a dotted name those only add length.
   */
  private static final String NOT_APPLICABLE = "none";

  MetricRegistryMeterRegistry(MetricRegistry registry) {
    super(new Config(), registry, MetricRegistryMeterRegistry::dottedName, Clock.SYSTEM);
    config().namingConvention(NamingConvention.identity);
  }

  private static String dottedName(Meter.Id id, NamingConvention convention) {
    return id.getConventionName(convention)
        + id.getConventionTags(convention).stream()
            .filter(tag -> !NOT_APPLICABLE.equals(tag.getValue()))
            .map(MetricRegistryMeterRegistry::segment)
            .collect(Collectors.joining());
  }

  private static String segment(Tag tag) {
    return ("." + tag.getKey() + "." + tag.getValue()).replace(' ', '_');
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
