package io.spectrumflow.workflows.export;

/**
 * A statement that ran to FINISHED through the Redshift Data API.
 *
 * @param sql the statement
 * @param statementId the Data API's id for it
 */
public record StatementResult(String sql, String statementId) {}
