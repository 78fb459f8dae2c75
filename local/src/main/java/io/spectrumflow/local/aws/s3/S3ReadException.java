package io.spectrumflow.local.aws.s3;

/** S3 could not be listed or read; the message says what and why, for the caller to word. */
public class S3ReadException extends Exception {

  private static final long serialVersionUID = 1L;

  public S3ReadException(String message) {
    super(message);
  }

  public S3ReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
