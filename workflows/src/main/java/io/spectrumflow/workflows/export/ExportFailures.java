package io.spectrumflow.workflows.export;

/** The {@code ApplicationFailure} types a run can fail with; none of them is retried. */
public final class ExportFailures {

  /** A record or the input as a whole cannot be read; the message names the record and column. */
  public static final String BAD_INPUT = "BadInput";

  /** The pipeline's configuration or the request is invalid; the message names the setting. */
  public static final String INVALID_REQUEST = "InvalidRequest";

  /** A Redshift statement ended FAILED or ABORTED; the message is Redshift's. */
  public static final String STATEMENT_FAILED = "RedshiftStatementFailed";

  /** The IAM role of the external schema is not associated with the Redshift cluster. */
  public static final String ROLE_NOT_ASSOCIATED = "IamRoleNotAssociated";

  /** A Glue crawl ended FAILED or CANCELLED; the message is Glue's. */
  public static final String CRAWL_FAILED = "CrawlFailed";

  /** The count through Redshift differs from the rows written; the message has both numbers. */
  public static final String VERIFICATION_FAILED = "VerificationFailed";

  /** AWS refused a call for lack of permission; the message names the call and the principal. */
  public static final String ACCESS_DENIED = "AccessDenied";

  /** An input object, bucket or catalog entity that must exist does not. */
  public static final String NOT_FOUND = "NotFound";

  private ExportFailures() {}

  /** All of the above, for {@code RetryOptions.setDoNotRetry}. */
  public static String[] all() {
    return new String[] {
      BAD_INPUT,
      INVALID_REQUEST,
      STATEMENT_FAILED,
      ROLE_NOT_ASSOCIATED,
      CRAWL_FAILED,
      VERIFICATION_FAILED,
      ACCESS_DENIED,
      NOT_FOUND
    };
  }
}
