package io.spectrumflow.local.temporal.visibility.query;

/** One {@code ORDER BY} term. */
public record OrderTerm(Column column, boolean descending) {}
