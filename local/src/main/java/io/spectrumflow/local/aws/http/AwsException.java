package io.spectrumflow.local.aws.http;

/**
 * An error answered in the AWS JSON protocol: the SDK turns {@code type} into the typed exception.
 * Status 400 for the caller's mistakes (not retried by SDKs), 500 only for our own failures.
 */
public class AwsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String type;
  private final int status;

  public AwsException(String type, String message) {
    this(type, message, 400);
  }

  public AwsException(String type, String message, int status) {
    super(message);
    this.type = type;
    this.status = status;
  }

  public String type() {
    return type;
  }

  public int status() {
    return status;
  }
}
