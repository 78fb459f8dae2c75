package io.spectrumflow.local.temporal.front;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.Status;

/**
 * Passes a call through to the backend unchanged: the caller's headers (namespace, client name and
 * version) and deadline go with it, and the backend's headers, messages, status and trailers (error
 * details included) come back as they are. No deadline of its own, so long polls last as long as
 * the caller allows. Works for unary and streaming calls alike.
 */
final class ForwardingCallHandler<ReqT, RespT> implements ServerCallHandler<ReqT, RespT> {

  private final Channel backend;

  ForwardingCallHandler(Channel backend) {
    this.backend = backend;
  }

  @Override
  public ServerCall.Listener<ReqT> startCall(ServerCall<ReqT, RespT> serverCall, Metadata headers) {
    CallOptions options = CallOptions.DEFAULT;
    Deadline deadline = Context.current().getDeadline();
    if (deadline != null) {
      options = options.withDeadline(deadline);
    }
    ClientCall<ReqT, RespT> clientCall = backend.newCall(serverCall.getMethodDescriptor(), options);
    clientCall.start(new BackendListener<>(serverCall, clientCall), headers);
    clientCall.request(1);
    serverCall.request(1);
    return new CallerListener<>(serverCall, clientCall);
  }

  /** What the caller sends, on to the backend. */
  private static final class CallerListener<ReqT, RespT> extends ServerCall.Listener<ReqT> {
    private final ServerCall<ReqT, RespT> serverCall;
    private final ClientCall<ReqT, RespT> clientCall;

    CallerListener(ServerCall<ReqT, RespT> serverCall, ClientCall<ReqT, RespT> clientCall) {
      this.serverCall = serverCall;
      this.clientCall = clientCall;
    }

    @Override
    public void onMessage(ReqT message) {
      clientCall.sendMessage(message);
      serverCall.request(1);
    }

    @Override
    public void onHalfClose() {
      clientCall.halfClose();
    }

    @Override
    public void onCancel() {
      clientCall.cancel("caller cancelled", null);
    }
  }

  /** What the backend answers, back to the caller. */
  private static final class BackendListener<ReqT, RespT> extends ClientCall.Listener<RespT> {
    private final ServerCall<ReqT, RespT> serverCall;
    private final ClientCall<ReqT, RespT> clientCall;

    BackendListener(ServerCall<ReqT, RespT> serverCall, ClientCall<ReqT, RespT> clientCall) {
      this.serverCall = serverCall;
      this.clientCall = clientCall;
    }

    @Override
    public void onHeaders(Metadata headers) {
      serverCall.sendHeaders(headers);
    }

    @Override
    public void onMessage(RespT message) {
      serverCall.sendMessage(message);
      clientCall.request(1);
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      if (!serverCall.isCancelled()) {
        serverCall.close(status, trailers);
      }
    }
  }
}
