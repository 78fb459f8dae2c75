package io.spectrumflow.local.temporal.front;

import io.grpc.ServerCallHandler;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCalls;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unary RPC the front answers itself. A {@link StatusRuntimeException} (ours or the backend's)
 * reaches the caller as it is, trailers included; anything else becomes {@code INTERNAL}.
 */
public final class UnaryEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(UnaryEndpoint.class);

  private UnaryEndpoint() {}

  public static <ReqT, RespT> ServerCallHandler<ReqT, RespT> of(Function<ReqT, RespT> body) {
    return ServerCalls.asyncUnaryCall(
        (request, observer) -> {
          RespT response;
          try {
            response = body.apply(request);
          } catch (StatusRuntimeException e) {
            observer.onError(e);
            return;
          } catch (RuntimeException e) {
            LOG.warn("embedded Temporal front failed a call", e);
            observer.onError(
                Status.INTERNAL.withDescription(e.toString()).withCause(e).asRuntimeException());
            return;
          }
          observer.onNext(response);
          observer.onCompleted();
        });
  }
}
