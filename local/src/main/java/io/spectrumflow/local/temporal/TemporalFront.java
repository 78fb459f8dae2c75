package io.spectrumflow.local.temporal;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.spectrumflow.local.temporal.front.ForwardedService;
import io.spectrumflow.local.temporal.schedule.ScheduleEndpoints;
import io.spectrumflow.local.temporal.schedule.SchedulerWorkflow;
import io.spectrumflow.local.temporal.searchattributes.OperatorEndpoints;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeRegistry;
import io.spectrumflow.local.temporal.visibility.VisibilityEndpoints;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.api.testservice.v1.TestServiceGrpc;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC server clients and workers connect to: every call is forwarded to the test server behind
 * it, except the ones the test server lacks, answered here (visibility queries, search attribute
 * registry, schedules).
 */
public final class TemporalFront implements AutoCloseable {

  private final Server server;
  private final SearchAttributeRegistry searchAttributes;
  private final ScheduleEndpoints schedules;

  private TemporalFront(
      Server server, SearchAttributeRegistry searchAttributes, ScheduleEndpoints schedules) {
    this.server = server;
    this.searchAttributes = searchAttributes;
    this.schedules = schedules;
  }

  /**
   * Starts the front.
   *
   * @param backend a channel to the test server
   * @param address where to listen; port 0 for a free one
   */
  public static TemporalFront start(ManagedChannel backend, InetSocketAddress address) {
    SearchAttributeRegistry searchAttributes =
        new SearchAttributeRegistry(OperatorServiceGrpc.newBlockingStub(backend));
    searchAttributes.registerSystemAttributes();
    ForwardedService workflowService =
        new ForwardedService(WorkflowServiceGrpc.getServiceDescriptor(), backend);
    ForwardedService operatorService =
        new ForwardedService(OperatorServiceGrpc.getServiceDescriptor(), backend);
    OperatorEndpoints operator = new OperatorEndpoints(searchAttributes);
    operator.answerOperatorCalls(operatorService);
    operator.answerWorkflowServiceCalls(workflowService);
    new VisibilityEndpoints(
            WorkflowServiceGrpc.newBlockingStub(backend),
            searchAttributes,
            Set.of(SchedulerWorkflow.TYPE))
        .answer(workflowService);
    ScheduleEndpoints schedules = new ScheduleEndpoints(backend, searchAttributes);
    schedules.answer(workflowService);
    Server server =
        NettyServerBuilder.forAddress(address)
            // The SDK pings every 30 s, also without calls; gRPC's default enforcement (5 min,
            // only during calls) would close the connection, cutting the long polls on it.
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .addService(workflowService.definition())
            .addService(operatorService.definition())
            .addService(
                new ForwardedService(HealthGrpc.getServiceDescriptor(), backend).definition())
            .addService(
                new ForwardedService(TestServiceGrpc.getServiceDescriptor(), backend).definition())
            .build();
    try {
      server.start();
    } catch (IOException e) {
      schedules.close();
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
    return new TemporalFront(server, searchAttributes, schedules);
  }

  public int port() {
    return server.getPort();
  }

  /** The search attributes the server knows; register custom ones here or over gRPC. */
  public SearchAttributeRegistry searchAttributes() {
    return searchAttributes;
  }

  @Override
  public void close() {
    schedules.close();
    server.shutdownNow();
    try {
      server.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
