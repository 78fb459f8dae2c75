package io.spectrumflow.local.aws.redshift.sql;

/**
 * What a finished statement produced.
 *
 * @param result the rows, or null for a statement without a result set
 * @param rowsAffected rows returned or changed (0 for DDL)
 */
public record StatementOutcome(ResultTable result, long rowsAffected) {

  public static StatementOutcome noResult(long rowsAffected) {
    return new StatementOutcome(null, rowsAffected);
  }

  public boolean hasResultSet() {
    return result != null;
  }

  public long resultSize() {
    return result == null ? 0 : result.size();
  }
}
