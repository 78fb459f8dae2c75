package io.spectrumflow.local.temporal.schedule;

import io.grpc.ManagedChannel;
import io.spectrumflow.local.temporal.front.ForwardedService;
import io.spectrumflow.local.temporal.front.UnaryEndpoint;
import io.spectrumflow.local.temporal.schedule.spec.ProtoDurations;
import io.spectrumflow.local.temporal.schedule.spec.SpecTimes;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeRegistry;
import io.spectrumflow.local.temporal.visibility.Page;
import io.spectrumflow.local.temporal.visibility.query.InvalidQueryException;
import io.spectrumflow.local.temporal.visibility.query.RecordOrder;
import io.spectrumflow.local.temporal.visibility.query.VisibilityQuery;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.schedule.v1.Schedule;
import io.temporal.api.workflowservice.v1.CreateScheduleRequest;
import io.temporal.api.workflowservice.v1.CreateScheduleResponse;
import io.temporal.api.workflowservice.v1.DeleteScheduleRequest;
import io.temporal.api.workflowservice.v1.DeleteScheduleResponse;
import io.temporal.api.workflowservice.v1.DescribeScheduleRequest;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import io.temporal.api.workflowservice.v1.ListScheduleMatchingTimesRequest;
import io.temporal.api.workflowservice.v1.ListScheduleMatchingTimesResponse;
import io.temporal.api.workflowservice.v1.ListSchedulesRequest;
import io.temporal.api.workflowservice.v1.ListSchedulesResponse;
import io.temporal.api.workflowservice.v1.PatchScheduleRequest;
import io.temporal.api.workflowservice.v1.PatchScheduleResponse;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import io.temporal.api.workflowservice.v1.UpdateScheduleResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Schedule RPCs, answered by running each schedule as a {@link SchedulerWorkflow} on the test
 * server: create starts it, describe queries it, patch and update are workflow updates (so that a
 * describe right after sees them), delete terminates it, list finds the running ones.
 */
public final class ScheduleEndpoints implements AutoCloseable {

  private static final int MAX_MATCHING_TIMES = 1000;

  private final Schedulers schedulers;
  private final SearchAttributeRegistry registry;
  private final ScheduleRequests requests;

  public ScheduleEndpoints(ManagedChannel backend, SearchAttributeRegistry registry) {
    this.schedulers = new Schedulers(backend);
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
    schedulers.start(
        request.getNamespace(),
        request.getScheduleId(),
        DescribeScheduleResponse.newBuilder()
            .setSchedule(schedule)
            .setMemo(request.getMemo())
            .setSearchAttributes(request.getSearchAttributes())
            .setConflictToken(ConflictToken.FIRST)
            .build(),
        request.getInitialPatch());
    return CreateScheduleResponse.newBuilder().setConflictToken(ConflictToken.FIRST).build();
  }

  private DescribeScheduleResponse describe(DescribeScheduleRequest request) {
    requests.checkId(request.getScheduleId());
    return schedulers.describe(request.getNamespace(), request.getScheduleId());
  }

  private UpdateScheduleResponse update(UpdateScheduleRequest request) {
    requests.checkId(request.getScheduleId());
    Schedule schedule = requests.canonical(request.getSchedule());
    if (request.hasSearchAttributes()) {
      requests.checkAttributes(request.getSearchAttributes());
    }
    ConflictToken.check(
        request.getConflictToken(),
        () ->
            schedulers
                .describe(request.getNamespace(), request.getScheduleId())
                .getConflictToken());
    schedulers.update(
        request.getNamespace(),
        request.getScheduleId(),
        request.toBuilder().setSchedule(schedule).build());
    return UpdateScheduleResponse.getDefaultInstance();
  }

  private PatchScheduleResponse patch(PatchScheduleRequest request) {
    requests.checkId(request.getScheduleId());
    schedulers.patch(request.getNamespace(), request.getScheduleId(), request.getPatch());
    return PatchScheduleResponse.getDefaultInstance();
  }

  private DeleteScheduleResponse delete(DeleteScheduleRequest request) {
    requests.checkId(request.getScheduleId());
    schedulers.delete(request.getNamespace(), request.getScheduleId(), request.getIdentity());
    return DeleteScheduleResponse.getDefaultInstance();
  }

  private ListSchedulesResponse list(ListSchedulesRequest request) {
    VisibilityQuery query = parse(request.getQuery());
    List<ScheduleRecord> records = new ArrayList<>();
    for (String scheduleId : schedulers.runningIds(request.getNamespace())) {
      schedulers
          .describeIfRunning(request.getNamespace(), scheduleId)
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
    requests.checkId(request.getScheduleId());
    Schedule schedule =
        schedulers.describe(request.getNamespace(), request.getScheduleId()).getSchedule();
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

  @Override
  public void close() {
    schedulers.close();
  }
}
