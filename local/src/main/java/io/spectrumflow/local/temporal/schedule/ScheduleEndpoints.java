package io.spectrumflow.local.temporal.schedule;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.spectrumflow.local.temporal.front.ForwardedService;
import io.spectrumflow.local.temporal.front.UnaryEndpoint;
import io.spectrumflow.local.temporal.schedule.spec.ProtoDurations;
import io.spectrumflow.local.temporal.schedule.spec.SpecTimes;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeRegistry;
import io.spectrumflow.local.temporal.visibility.Page;
import io.spectrumflow.local.temporal.visibility.query.InvalidQueryException;
import io.spectrumflow.local.temporal.visibility.query.RecordOrder;
import io.spectrumflow.local.temporal.visibility.query.VisibilityQuery;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.schedule.v1.Schedule;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.CreateScheduleRequest;
import io.temporal.api.workflowservice.v1.CreateScheduleResponse;
import io.temporal.api.workflowservice.v1.DeleteScheduleRequest;
import io.temporal.api.workflowservice.v1.DeleteScheduleResponse;
import io.temporal.api.workflowservice.v1.DescribeScheduleRequest;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListScheduleMatchingTimesRequest;
import io.temporal.api.workflowservice.v1.ListScheduleMatchingTimesResponse;
import io.temporal.api.workflowservice.v1.ListSchedulesRequest;
import io.temporal.api.workflowservice.v1.ListSchedulesResponse;
import io.temporal.api.workflowservice.v1.PatchScheduleRequest;
import io.temporal.api.workflowservice.v1.PatchScheduleResponse;
import io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import io.temporal.api.workflowservice.v1.UpdateScheduleResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Schedule RPCs, answered by running each schedule as a {@link SchedulerWorkflow} on the test
 * server: create starts it, describe queries it, patch and update are workflow updates (so that a
 * describe right after sees them), delete terminates it, list finds the running ones.
 */
public final class ScheduleEndpoints implements AutoCloseable {

  private static final int MAX_MATCHING_TIMES = 1000;

  private final WorkflowServiceBlockingStub backend;
  private final SchedulerWorkers workers;
  private final SearchAttributeRegistry registry;
  private final ScheduleRequests requests;

  public ScheduleEndpoints(ManagedChannel backend, SearchAttributeRegistry registry) {
    this.backend = WorkflowServiceGrpc.newBlockingStub(backend);
    this.workers = new SchedulerWorkers(backend);
    this.registry = registry;
    this.requests = new ScheduleRequests(registry);
  }

  public void answer(ForwardedService workflowService) {
    workflowService
        .answer(WorkflowServiceGrpc.getCreateScheduleMethod(), UnaryEndpoint.of(this::create))
        .answer(WorkflowServiceGrpc.getDescribeScheduleMethod(), UnaryEndpoint.of(this::describe))
        .answer(WorkflowServiceGrpc.getUpdateScheduleMethod(), UnaryEndpoint.of(this::update))
        .answer(WorkflowServiceGrpc.getPatchScheduleMethod(), UnaryEndpoint.of(this::patch))
        .answer(WorkflowServiceGrpc.getDeleteScheduleMethod(), UnaryEndpoint.of(this::delete))
        .answer(WorkflowServiceGrpc.getListSchedulesMethod(), UnaryEndpoint.of(this::list))
        .answer(
            WorkflowServiceGrpc.getListScheduleMatchingTimesMethod(),
            UnaryEndpoint.of(this::matchingTimes));
  }

  private CreateScheduleResponse create(CreateScheduleRequest request) {
    requests.checkId(request.getScheduleId());
    Schedule schedule = requests.canonical(request.getSchedule());
    requests.checkAttributes(request.getSearchAttributes());
    DescribeScheduleResponse initial =
        DescribeScheduleResponse.newBuilder()
            .setSchedule(schedule)
            .setMemo(request.getMemo())
            .setSearchAttributes(request.getSearchAttributes())
            .setConflictToken(ConflictToken.FIRST)
            .build();
    SchedulerWorkflow scheduler =
        workers
            .client(request.getNamespace())
            .newWorkflowStub(
                SchedulerWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(SchedulerWorkflow.ID_PREFIX + request.getScheduleId())
                    .setTaskQueue(SchedulerWorkflow.TASK_QUEUE)
                    .setWorkflowIdReusePolicy(
                        WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                    .build());
    try {
      WorkflowClient.start(
          scheduler::run, initial, request.getInitialPatch(), SchedulerProgress.NEW);
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw Status.ALREADY_EXISTS
          .withDescription("schedule with this ID is already registered")
          .asRuntimeException();
    }
    return CreateScheduleResponse.newBuilder().setConflictToken(ConflictToken.FIRST).build();
  }

  private DescribeScheduleResponse describe(DescribeScheduleRequest request) {
    SchedulerWorkflow scheduler = running(request.getNamespace(), request.getScheduleId());
    return sdkCall(scheduler::describe);
  }

  private UpdateScheduleResponse update(UpdateScheduleRequest request) {
    SchedulerWorkflow scheduler = running(request.getNamespace(), request.getScheduleId());
    Schedule schedule = requests.canonical(request.getSchedule());
    if (request.hasSearchAttributes()) {
      requests.checkAttributes(request.getSearchAttributes());
    }
    if (!request.getConflictToken().isEmpty()
        && !request.getConflictToken().equals(sdkCall(scheduler::describe).getConflictToken())) {
      throw Status.FAILED_PRECONDITION
          .withDescription("mismatched conflict token")
          .asRuntimeException();
    }
    UpdateScheduleRequest canonical = request.toBuilder().setSchedule(schedule).build();
    sdkCall(
        () -> {
          scheduler.update(canonical);
          return null;
        });
    return UpdateScheduleResponse.getDefaultInstance();
  }

  private PatchScheduleResponse patch(PatchScheduleRequest request) {
    SchedulerWorkflow scheduler = running(request.getNamespace(), request.getScheduleId());
    sdkCall(
        () -> {
          scheduler.patch(request.getPatch());
          return null;
        });
    return PatchScheduleResponse.getDefaultInstance();
  }

  private DeleteScheduleResponse delete(DeleteScheduleRequest request) {
    running(request.getNamespace(), request.getScheduleId());
    backend
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .terminateWorkflowExecution(
            TerminateWorkflowExecutionRequest.newBuilder()
                .setNamespace(request.getNamespace())
                .setWorkflowExecution(schedulerExecution(request.getScheduleId()))
                .setReason("schedule deleted")
                .setIdentity(request.getIdentity())
                .build());
    return DeleteScheduleResponse.getDefaultInstance();
  }

  private ListSchedulesResponse list(ListSchedulesRequest request) {
    VisibilityQuery query = parse(request.getQuery());
    List<ScheduleRecord> records = new ArrayList<>();
    for (String scheduleId : runningScheduleIds(request.getNamespace())) {
      describeIfRunning(request.getNamespace(), scheduleId)
          .map(described -> new ScheduleRecord(scheduleId, described, registry))
          .filter(query.where()::matches)
          .ifPresent(records::add);
    }
    records.sort(RecordOrder.of(query.orderBy(), "ScheduleId"));
    Page<ScheduleRecord> page =
        Page.of(
            records,
            ScheduleRecord::scheduleId,
            request.getNextPageToken(),
            request.getMaximumPageSize());
    return ListSchedulesResponse.newBuilder()
        .addAllSchedules(page.items().stream().map(ScheduleRecord::entry).toList())
        .setNextPageToken(page.next())
        .build();
  }

  private ListScheduleMatchingTimesResponse matchingTimes(
      ListScheduleMatchingTimesRequest request) {
    SchedulerWorkflow scheduler = running(request.getNamespace(), request.getScheduleId());
    Schedule schedule = sdkCall(scheduler::describe).getSchedule();
    List<Long> times =
        SpecTimes.of(schedule.getSpec())
            .between(
                ProtoDurations.epochMillis(request.getStartTime()),
                ProtoDurations.epochMillis(request.getEndTime()),
                MAX_MATCHING_TIMES);
    return ListScheduleMatchingTimesResponse.newBuilder()
        .addAllStartTime(times.stream().map(ProtoDurations::timestamp).toList())
        .build();
  }

  private VisibilityQuery parse(String text) {
    try {
      return VisibilityQuery.parse(
          text,
          name ->
              name.equals("ScheduleId")
                  ? Optional.of(IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
                  : registry.typeOf(name));
    } catch (InvalidQueryException e) {
      throw e.toStatus();
    }
  }

  private List<String> runningScheduleIds(String namespace) {
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

  private Optional<DescribeScheduleResponse> describeIfRunning(String namespace, String id) {
    try {
      return Optional.of(sdkCall(running(namespace, id)::describe));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The schedule's scheduler, if it is running; else NOT_FOUND as the server answers. */
  private SchedulerWorkflow running(String namespace, String scheduleId) {
    requests.checkId(scheduleId);
    WorkflowExecutionInfo info;
    try {
      info =
          backend
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(schedulerExecution(scheduleId))
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

  private static WorkflowExecution schedulerExecution(String scheduleId) {
    return WorkflowExecution.newBuilder()
        .setWorkflowId(SchedulerWorkflow.ID_PREFIX + scheduleId)
        .build();
  }

  private static StatusRuntimeException notFound() {
    return Status.NOT_FOUND.withDescription("schedule not found").asRuntimeException();
  }

  /** Runs an SDK call on the scheduler, giving its gRPC status as it is when it has one. */
  private static <T> T sdkCall(Supplier<T> call) {
    try {
      return call.get();
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
