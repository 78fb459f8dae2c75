package io.spectrumflow.local.temporal.schedule;

import io.temporal.api.schedule.v1.SchedulePatch;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One schedule, run as a workflow as the real server runs it: it sleeps until the spec's next time,
 * starts the action's workflow, watches the runs it started for the overlap policy, and answers
 * describe, patch and update. Its type, id prefix and task queue are the server's.
 */
@WorkflowInterface
public interface SchedulerWorkflow {

  String TYPE = "temporal-sys-scheduler-workflow";
  String ID_PREFIX = "temporal-sys-scheduler:";
  String TASK_QUEUE = "temporal-sys-scheduler-tq";

  /**
   * Runs the schedule until it is deleted (the workflow is terminated).
   *
   * @param schedule the schedule, its memo and search attributes, and (after a continue-as-new) its
   *     info
   * @param initialPatch what to do at once: trigger, backfills
   * @param progress where a previous run of the scheduler left off
   */
  @WorkflowMethod(name = TYPE)
  void run(
      DescribeScheduleResponse schedule, SchedulePatch initialPatch, SchedulerProgress progress);

  @QueryMethod(name = "describe")
  DescribeScheduleResponse describe();

  /** Pause, unpause, trigger immediately, backfill. */
  @UpdateMethod(name = "patch")
  void patch(SchedulePatch patch);

  /** Replaces the schedule; the spec is canonical already. */
  @UpdateMethod(name = "update")
  void update(UpdateScheduleRequest request);
}
