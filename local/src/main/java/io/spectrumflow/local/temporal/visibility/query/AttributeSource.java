package io.spectrumflow.local.temporal.visibility.query;

/**
 * What a query is evaluated against: a search attribute's value, as a {@code String}, {@code Long},
 * {@code Double}, {@code Boolean}, {@code java.time.Instant} or a {@code List} of strings, or null
 * when the record has none.
 */
@FunctionalInterface
public interface AttributeSource {

  Object value(String attribute);
}
