package io.spectrumflow.local.aws.redshift.sql;

/** A statement stopped by CancelStatement: ABORTED, not FAILED. */
public class StatementCancelledException extends RedshiftSqlException {

  private static final long serialVersionUID = 1L;

  public StatementCancelledException() {
    super("ERROR: Query cancelled on user's request");
  }
}
