package io.spectrumflow.local.temporal.schedule.spec;

import io.temporal.api.schedule.v1.CalendarSpec;
import io.temporal.api.schedule.v1.IntervalSpec;
import io.temporal.api.schedule.v1.Range;
import io.temporal.api.schedule.v1.ScheduleSpec;
import io.temporal.api.schedule.v1.StructuredCalendarSpec;
import java.util.List;

/**
 * Stores a spec the way the server does: cron strings and text calendars become structured
 * calendars (or intervals, for an every-interval), a {@code CRON_TZ} becomes the time zone, and
 * everything is checked, so that a bad spec is refused when the schedule is created or updated.
 */
public final class SpecCanonicalizer {

  private SpecCanonicalizer() {}

  // exclude_calendar is deprecated, but older clients still send it.
  @SuppressWarnings("deprecation")
  public static ScheduleSpec canonicalize(ScheduleSpec spec) {
    ScheduleSpec.Builder out =
        spec.toBuilder().clearCronString().clearCalendar().clearExcludeCalendar();
    String zone = spec.getTimezoneName();
    for (String cron : spec.getCronStringList()) {
      CronString parsed = CronString.parse(cron);
      parsed.calendar().ifPresent(out::addStructuredCalendar);
      parsed.interval().ifPresent(out::addInterval);
      if (parsed.timeZone().isPresent()) {
        if (!zone.isEmpty() && !zone.equals(parsed.timeZone().get())) {
          throw new InvalidSpecException(
              "cron string time zone '"
                  + parsed.timeZone().get()
                  + "' conflicts with time zone '"
                  + zone
                  + "'");
        }
        zone = parsed.timeZone().get();
      }
    }
    for (CalendarSpec calendar : spec.getCalendarList()) {
      out.addStructuredCalendar(CalendarText.toStructured(calendar));
    }
    for (CalendarSpec calendar : spec.getExcludeCalendarList()) {
      out.addExcludeStructuredCalendar(CalendarText.toStructured(calendar));
    }
    out.setTimezoneName(zone);
    ScheduleSpec canonical = out.build();
    check(canonical);
    return canonical;
  }

  private static void check(ScheduleSpec spec) {
    SpecTimes.zone(spec.getTimezoneName());
    for (IntervalSpec interval : spec.getIntervalList()) {
      if (ProtoDurations.toMillis(interval.getInterval()) < 1000) {
        throw new InvalidSpecException("interval must be at least one second");
      }
      if (ProtoDurations.toMillis(interval.getPhase()) < 0) {
        throw new InvalidSpecException("interval phase must not be negative");
      }
    }
    for (StructuredCalendarSpec calendar : spec.getStructuredCalendarList()) {
      checkCalendar(calendar);
    }
    for (StructuredCalendarSpec calendar : spec.getExcludeStructuredCalendarList()) {
      checkCalendar(calendar);
    }
  }

  private static void checkCalendar(StructuredCalendarSpec calendar) {
    checkRanges(calendar.getSecondList(), CalendarField.SECOND);
    checkRanges(calendar.getMinuteList(), CalendarField.MINUTE);
    checkRanges(calendar.getHourList(), CalendarField.HOUR);
    checkRanges(calendar.getDayOfMonthList(), CalendarField.DAY_OF_MONTH);
    checkRanges(calendar.getMonthList(), CalendarField.MONTH);
    checkRanges(calendar.getYearList(), CalendarField.YEAR);
    checkRanges(calendar.getDayOfWeekList(), CalendarField.DAY_OF_WEEK);
  }

  private static void checkRanges(List<Range> ranges, CalendarField field) {
    for (Range range : ranges) {
      field.checkBounds(range.getStart());
      if (range.getEnd() > range.getStart()) {
        field.checkBounds(range.getEnd());
      }
      if (range.getStep() < 0) {
        throw new InvalidSpecException("range step must not be negative");
      }
    }
  }
}
