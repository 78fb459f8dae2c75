package io.spectrumflow.workflows.export;

/**
 * The answer of a count through Redshift.
 *
 * @param sql the query
 * @param rows the count
 */
public record CountResult(String sql, long rows) {}
