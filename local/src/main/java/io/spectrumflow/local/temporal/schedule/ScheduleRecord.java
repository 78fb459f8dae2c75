package io.spectrumflow.local.temporal.schedule;

import com.google.protobuf.Timestamp;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeRegistry;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeValues;
import io.spectrumflow.local.temporal.visibility.query.AttributeSource;
import io.temporal.api.schedule.v1.ScheduleActionResult;
import io.temporal.api.schedule.v1.ScheduleInfo;
import io.temporal.api.schedule.v1.ScheduleListEntry;
import io.temporal.api.schedule.v1.ScheduleListInfo;
import io.temporal.api.workflowservice.v1.DescribeScheduleResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A schedule as {@code ListSchedules} shows it and its queries see it: {@code ScheduleId}, {@code
 * TemporalSchedulePaused} and the schedule's search attributes.
 */
final class ScheduleRecord implements AttributeSource {

  /** Recent actions and future times a list entry shows. */
  private static final int LISTED_TIMES = 5;

  private final String scheduleId;
  private final DescribeScheduleResponse described;
  private final Map<String, Object> values;

  ScheduleRecord(
      String scheduleId, DescribeScheduleResponse described, SearchAttributeRegistry registry) {
    this.scheduleId = scheduleId;
    this.described = described;
    Map<String, Object> all =
        new HashMap<>(SearchAttributeValues.read(described.getSearchAttributes(), registry));
    all.put("ScheduleId", scheduleId);
    all.put("TemporalSchedulePaused", described.getSchedule().getState().getPaused());
    this.values = Map.copyOf(all);
  }

  String scheduleId() {
    return scheduleId;
  }

  @Override
  public Object value(String attribute) {
    return values.get(attribute);
  }

  ScheduleListEntry entry() {
    ScheduleInfo info = described.getInfo();
    List<Timestamp> future =
        info.getFutureActionTimesList()
            .subList(0, Math.min(LISTED_TIMES, info.getFutureActionTimesCount()));
    List<ScheduleActionResult> recent = info.getRecentActionsList();
    return ScheduleListEntry.newBuilder()
        .setScheduleId(scheduleId)
        .setMemo(described.getMemo())
        .setSearchAttributes(described.getSearchAttributes())
        .setInfo(
            ScheduleListInfo.newBuilder()
                .setSpec(described.getSchedule().getSpec())
                .setWorkflowType(
                    described.getSchedule().getAction().getStartWorkflow().getWorkflowType())
                .setNotes(described.getSchedule().getState().getNotes())
                .setPaused(described.getSchedule().getState().getPaused())
                .addAllRecentActions(
                    recent.subList(Math.max(0, recent.size() - LISTED_TIMES), recent.size()))
                .addAllFutureActionTimes(future))
        .build();
  }
}
