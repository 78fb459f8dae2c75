package io.spectrumflow.local.temporal.schedule;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.schedule.v1.SchedulePatch;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The schedules' scheduler workflows on the test server: started, found, queried, updated and
 * terminated by schedule id, with the server's answers for a taken id ({@code ALREADY_EXISTS}) and
 * an unknown or deleted one ({@code NOT_FOUND}).
 */
final class Schedulers implements AutoCloseable {

  private final WorkflowServiceBlockingStub backend;
  private final SchedulerWorkers workers;

  Schedulers(ManagedChannel backend) {
    this.backend = WorkflowServiceGrpc.newBlockingStub(backend);
    this.workers = new SchedulerWorkers(backend);
  }

  void start(
      String namespace,
      String scheduleId,
      DescribeScheduleResponse schedule,
      SchedulePatch initialPatch) {
    SchedulerWorkflow scheduler =
        workers
            .client(namespace)
            .newWorkflowStub(
                SchedulerWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(SchedulerWorkflow.ID_PREFIX + scheduleId)
                    .setTaskQueue(SchedulerWorkflow.TASK_QUEUE)
                    .setWorkflowIdReusePolicy(
                        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                    .build());
    try {
      WorkflowClient.start(scheduler::run, schedule, initialPatch, SchedulerProgress.NEW);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw Status.ALREADY_EXISTS
          .withDescription("schedule with this ID is already registered")
          .asRuntimeException();
    }
  }

  DescribeScheduleResponse describe(String namespace, String scheduleId) {
    return call(running(namespace, scheduleId)::describe);
  }

  /** The schedule, or empty if it was deleted meanwhile. */
  Optional<DescribeScheduleResponse> describeIfRunning(String namespace, String scheduleId) {
    try {
      return Optional.of(describe(namespace, scheduleId));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  void patch(String namespace, String scheduleId, SchedulePatch patch) {
    SchedulerWorkflow scheduler = running(namespace, scheduleId);
    call(
        () -> {
          scheduler.patch(patch);
          return null;
        });
  }

  void update(String namespace, String scheduleId, UpdateScheduleRequest request) {
    SchedulerWorkflow scheduler = running(namespace, scheduleId);
    call(
        () -> {
          scheduler.update(request);
          return null;
        });
  }

  void delete(String namespace, String scheduleId, String identity) {
    running(namespace, scheduleId);
    backend
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .terminateWorkflowExecution(
            TerminateWorkflowExecutionRequest.newBuilder()
                .setNamespace(namespace)
                .setWorkflowExecution(execution(scheduleId))
                .setReason("schedule deleted")
                .setIdentity(identity)
                .build());
  }

  /** The ids of the schedules whose scheduler runs (the test server lists all namespaces). */
  List<String> runningIds(String namespace) {
    return backend
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .listOpenWorkflowExecutions(
            ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(namespace).build())
        .getExecutionsList()
        .stream()
        .filter(info -> info.getType().getName().equals(SchedulerWorkflow.TYPE))
        .map(info -> info.getExecution().getWorkflowId())
        .filter(id -> id.startsWith(SchedulerWorkflow.ID_PREFIX))
        .map(id -> id.substring(SchedulerWorkflow.ID_PREFIX.length()))
        .toList();
  }

  private SchedulerWorkflow running(String namespace, String scheduleId) {
    WorkflowExecutionInfo info;
    try {
      info =
          backend
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(execution(scheduleId))
                      .build())
              .getWorkflowExecutionInfo();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw notFound();
      }
      throw e;
    }
    if (info.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      throw notFound();
    }
    return workers
        .client(namespace)
        .newWorkflowStub(SchedulerWorkflow.class, SchedulerWorkflow.ID_PREFIX + scheduleId);
  }

  private static WorkflowExecution execution(String scheduleId) {
    return WorkflowExecution.newBuilder()
        .setWorkflowId(SchedulerWorkflow.ID_PREFIX + scheduleId)
        .build();
  }

  private static StatusRuntimeException notFound() {
    return Status.NOT_FOUND.withDescription("schedule not found").asRuntimeException();
  }

  /** Runs an SDK call on a scheduler, giving its gRPC status as it is when it has one. */
  private static <T> T call(Supplier<T> sdkCall) {
    try {
      return sdkCall.get();
    } catch (StatusRuntimeException e) {
      throw e;
    } catch (RuntimeException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof StatusRuntimeException status) {
          throw status;
        }
      }
      if (e instanceof WorkflowNotFoundException) {
        throw notFound();
      }
      throw e;
    }
  }

  @Override
  public void close() {
    workers.close();
  }
}
