package io.spectrumflow.local.temporal.front;

import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import java.util.HashMap;
import java.util.Map;

/**
 * A gRPC service of the front built from the service's descriptor: the methods given a handler are
 * answered here, every other method is forwarded to the backend.
 */
public final class ForwardedService {

  private final ServiceDescriptor descriptor;
  private final Channel backend;
  private final Map<String, ServerMethodDefinition<?, ?>> own = new HashMap<>();

  public ForwardedService(ServiceDescriptor descriptor, Channel backend) {
    this.descriptor = descriptor;
    this.backend = backend;
  }

  /** Answers {@code method} here instead of forwarding it. */
  public <ReqT, RespT> ForwardedService answer(
      MethodDescriptor<ReqT, RespT> method, ServerCallHandler<ReqT, RespT> handler) {
    own.put(method.getFullMethodName(), ServerMethodDefinition.create(method, handler));
    return this;
  }

  public ServerServiceDefinition definition() {
    ServerServiceDefinition.Builder builder = ServerServiceDefinition.builder(descriptor);
    for (MethodDescriptor<?, ?> method : descriptor.getMethods()) {
      ServerMethodDefinition<?, ?> answered = own.get(method.getFullMethodName());
      if (answered != null) {
        builder.addMethod(answered);
      } else {
        addForwarded(builder, method);
      }
    }
    return builder.build();
  }

  private <ReqT, RespT> void addForwarded(
      ServerServiceDefinition.Builder builder, MethodDescriptor<ReqT, RespT> method) {
    builder.addMethod(method, new ForwardingCallHandler<>(backend));
  }
}
