package io.spectrumflow.local.aws.redshift.sql;

/** A statement that failed, with the text Redshift would give, e.g. {@code ERROR: ...}. */
public class RedshiftSqlException extends Exception {

  private static final long serialVersionUID = 1L;

  public RedshiftSqlException(String redshiftMessage) {
    super(redshiftMessage);
  }

  public RedshiftSqlException(String redshiftMessage, Throwable cause) {
    super(redshiftMessage, cause);
  }
}
