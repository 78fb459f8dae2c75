package io.spectrumflow.local.temporal.schedule;

import io.grpc.ManagedChannel;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The front's own clients and workers on the test server, one per namespace, started when the
 * namespace's first schedule is: the scheduler workflows of a namespace run on its worker.
 */
final class SchedulerWorkers implements AutoCloseable {

  private final ManagedChannel backend;
  private final WorkflowServiceStubs service;
  private final Map<String, WorkerFactory> factories = new ConcurrentHashMap<>();

  SchedulerWorkers(ManagedChannel backend) {
    this.backend = backend;
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setChannel(backend).build());
  }

  /** A client of the namespace, whose scheduler worker runs from now on. */
  WorkflowClient client(String namespace) {
    return factories.computeIfAbsent(namespace, this::startWorker).getWorkflowClient();
  }

  private WorkerFactory startWorker(String namespace) {
    WorkflowClient client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
    WorkerFactory factory = WorkerFactory.newInstance(client);
    Worker worker = factory.newWorker(SchedulerWorkflow.TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(SchedulerWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new SchedulerActivitiesImpl(WorkflowServiceGrpc.newBlockingStub(backend)));
    factory.start();
    return factory;
  }

  @Override
  public void close() {
    factories.values().forEach(WorkerFactory::shutdownNow);
    factories.values().forEach(factory -> factory.awaitTermination(5, TimeUnit.SECONDS));
    service.shutdownNow();
  }
}
