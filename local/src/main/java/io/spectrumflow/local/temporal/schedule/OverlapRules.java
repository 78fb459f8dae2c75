package io.spectrumflow.local.temporal.schedule;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * What to do with the buffered actions given whether the schedule's workflow is still running, as
 * the server's scheduler decides: with nothing running the first action starts (and counts as
 * running for the rest); then SKIP drops an action (counted as skipped), BUFFER_ONE keeps one and
 * skips the others, BUFFER_ALL keeps them all (up to {@value #MAX_BUFFER}, then drops),
 * CANCEL_OTHER and TERMINATE_OTHER keep the latest and ask for the running one to end, ALLOW_ALL
 * starts at once.
 */
final class OverlapRules {

  static final int MAX_BUFFER = 1000;

  private OverlapRules() {}

  /**
   * The decision.
   *
   * @param start actions to start now, in order
   * @param keep actions to keep buffered
   * @param skipped actions dropped because one was running
   * @param dropped actions dropped because the buffer was full
   * @param cancelRunning ask the running workflows to cancel
   * @param terminateRunning terminate the running workflows
   */
  record Decision(
      List<BufferedStart> start,
      List<BufferedStart> keep,
      long skipped,
      long dropped,
      boolean cancelRunning,
      boolean terminateRunning) {}

  static Decision decide(
      List<BufferedStart> buffer, boolean running, ScheduleOverlapPolicy schedulePolicy) {
    List<BufferedStart> start = new ArrayList<>();
    List<BufferedStart> keep = new ArrayList<>();
    long skipped = 0;
    long dropped = 0;
    boolean cancel = false;
    boolean terminate = false;
    boolean busy = running;
    for (BufferedStart action : buffer) {
      ScheduleOverlapPolicy policy = resolve(action.overlap(), schedulePolicy);
      if (policy == ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL) {
        start.add(action);
        continue;
      }
      if (!busy && keep.isEmpty()) {
        start.add(action);
        busy = true;
        continue;
      }
      switch (policy) {
        case SCHEDULE_OVERLAP_POLICY_BUFFER_ONE -> {
          if (keep.isEmpty()) {
            keep.add(action);
          } else {
            skipped++;
          }
        }
        case SCHEDULE_OVERLAP_POLICY_BUFFER_ALL -> {
          if (keep.size() < MAX_BUFFER) {
            keep.add(action);
          } else {
            dropped++;
          }
        }
        case SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER, SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER -> {
          skipped += keep.size();
          keep.clear();
          keep.add(action);
          cancel |= policy == ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER;
          terminate |= policy == ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER;
        }
        default -> skipped++;
      }
    }
    return new Decision(start, keep, skipped, dropped, cancel && running, terminate && running);
  }

  /** An action's own policy, else the schedule's, else SKIP (the server's default). */
  static ScheduleOverlapPolicy resolve(
      ScheduleOverlapPolicy own, ScheduleOverlapPolicy schedulePolicy) {
    if (isSet(own)) {
      return own;
    }
    return isSet(schedulePolicy)
        ? schedulePolicy
        : ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP;
  }

  private static boolean isSet(ScheduleOverlapPolicy policy) {
    return policy != ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_UNSPECIFIED
        && policy != ScheduleOverlapPolicy.UNRECOGNIZED;
  }
}
