package io.spectrumflow.local.temporal.visibility.query;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * A visibility query the server refuses, worded as the real server words it ({@code invalid query:
 * malformed SQL query: ...}, {@code invalid query: invalid expression: ...}, {@code invalid query:
 * operation is not supported: ...}).
 */
public final class InvalidQueryException extends RuntimeException {

  private InvalidQueryException(String message) {
    super(message);
  }

  static InvalidQueryException malformed(String detail) {
    return new InvalidQueryException("invalid query: malformed SQL query: " + detail);
  }

  static InvalidQueryException invalidExpression(String detail) {
    return new InvalidQueryException("invalid query: invalid expression: " + detail);
  }

  static InvalidQueryException notSupported(String detail) {
    return new InvalidQueryException("invalid query: operation is not supported: " + detail);
  }

  /** As the gRPC error a client sees: {@code INVALID_ARGUMENT} with this message. */
  public StatusRuntimeException toStatus() {
    return Status.INVALID_ARGUMENT.withDescription(getMessage()).asRuntimeException();
  }
}
