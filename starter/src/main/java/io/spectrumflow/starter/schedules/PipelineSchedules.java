package io.spectrumflow.starter.schedules;

import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.schedule.ScheduledExportRequest;
import io.spectrumflow.workflows.schedule.ScheduledExportWorkflow;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleHandle;
import io.temporal.client.schedules.ScheduleListDescription;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import io.temporal.client.schedules.ScheduleUpdate;
import io.temporal.common.SearchAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * A pipeline's Temporal Schedule: on its cron it runs {@link ScheduledExportWorkflow} over what was
 * staged in the pipeline's incoming folder. The overlap policy skips a run while the previous one
 * is still going, so one pipeline never runs twice at once from its schedule.
 */
public final class PipelineSchedules {

  private final ScheduleClient client;
  private final StagingArea staging;
  private final int maxInputs;

  public PipelineSchedules(ScheduleClient client, StagingArea staging, int maxInputs) {
    this.client = client;
    this.staging = staging;
    this.maxInputs = maxInputs;
  }

  /** The schedule id of a pipeline. */
  public static String id(String pipeline) {
    return "spectrumflow-" + pipeline;
  }

  /** Creates the pipeline's schedule, or updates it to this cron and state. */
  public void put(PipelineSpec pipeline, String cron, boolean paused, String note) {
    Schedule schedule = schedule(pipeline, cron, paused, note);
    try {
      client.createSchedule(id(pipeline.name()), schedule, ScheduleOptions.newBuilder().build());
    } catch (ScheduleAlreadyRunningException exists) {
      client.getHandle(id(pipeline.name())).update(input -> new ScheduleUpdate(schedule));
    }
  }

  public ScheduleDescription describe(String pipeline) {
    return handle(pipeline).describe();
  }

  /** Every schedule of the namespace that is one of ours. */
  public List<ScheduleListDescription> list() {
    try (Stream<ScheduleListDescription> schedules = client.listSchedules()) {
      return schedules.filter(s -> s.getScheduleId().startsWith("spectrumflow-")).toList();
    }
  }

  public void pause(String pipeline, String note) {
    handle(pipeline).pause(note);
  }

  public void unpause(String pipeline, String note) {
    handle(pipeline).unpause(note);
  }

  /** Runs the schedule's action now (skipped like any run if one is still going). */
  public void trigger(String pipeline) {
    handle(pipeline).trigger();
  }

  public void delete(String pipeline) {
    handle(pipeline).delete();
  }

  private ScheduleHandle handle(String pipeline) {
    return client.getHandle(id(pipeline));
  }

  private Schedule schedule(PipelineSpec pipeline, String cron, boolean paused, String note) {
    ScheduledExportRequest request =
        new ScheduledExportRequest(
            pipeline, staging.incoming(pipeline.name()), staging.kept(pipeline.name()), maxInputs);
    return Schedule.newBuilder()
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(ScheduledExportWorkflow.class)
                .setArguments(request)
                .setOptions(
                    WorkflowOptions.newBuilder()
                        .setWorkflowId("scheduled-" + pipeline.name())
                        .setTaskQueue(ExportTaskQueues.EXPORT)
                        .setTypedSearchAttributes(
                            SearchAttributes.newBuilder()
                                .set(ExportSearchAttributes.PIPELINE, pipeline.name())
                                .build())
                        .build())
                .build())
        .setSpec(ScheduleSpec.newBuilder().setCronExpressions(List.of(cron)).build())
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                .build())
        .setState(ScheduleState.newBuilder().setPaused(paused).setNote(note).build())
        .build();
  }
}
