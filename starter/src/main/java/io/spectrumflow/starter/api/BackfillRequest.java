package io.spectrumflow.starter.api;

/**
 * {@code POST /pipelines/{name}/backfill}: the staging dates whose batches to export again.
 *
 * @param from first date, {@code yyyy-MM-dd}
 * @param to last date, inclusive
 */
public record BackfillRequest(String from, String to) {}
