package io.spectrumflow.local.temporal;

import io.spectrumflow.local.stack.EmbeddedTemporal;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The embedded Temporal on a free port with SDK clients and a worker for {@link GreetingWorkflow}.
 */
final class TemporalFixture implements AutoCloseable {

  final EmbeddedTemporal temporal;
  final WorkflowServiceStubs service;
  final WorkflowClient client;
  final ScheduleClient schedules;
  private final WorkerFactory workers;

  TemporalFixture() {
    temporal = EmbeddedTemporal.start(0);
    service =
        WorkflowServiceStubs.newConnectedServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build(),
            Duration.ofSeconds(10));
    client = WorkflowClient.newInstance(service);
    schedules = ScheduleClient.newInstance(service);
    workers = WorkerFactory.newInstance(client);
    workers
        .newWorker(GreetingWorkflow.TASK_QUEUE)
        .registerWorkflowImplementationTypes(GreetingWorkflowImpl.class);
    workers.start();
  }

  GreetingWorkflow newGreeting(WorkflowOptions.Builder options) {
    return client.newWorkflowStub(
        GreetingWorkflow.class, options.setTaskQueue(GreetingWorkflow.TASK_QUEUE).build());
  }

  /** Waits until the condition holds, failing after the timeout. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    service.shutdownNow();
    temporal.close();
  }
}
