package io.spectrumflow.local.aws.http;

/**
 * An error answered in the Query protocol: {@code <ErrorResponse><Error><Type>Sender</Type>
 * <Code>...</Code><Message>...</Message></Error><RequestId>...</RequestId></ErrorResponse>}. The
 * SDKs turn the code into the typed exception; Type is Receiver for our own failures (5xx).
 */
public class QueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;

  public QueryException(String code, String message, int status) {
    super(message);
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String type() {
    return status >= 500 ? "Receiver" : "Sender";
  }
}
