package io.spectrumflow.local.temporal.schedule.spec;

import io.temporal.api.schedule.v1.Range;
import io.temporal.api.schedule.v1.StructuredCalendarSpec;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Which local date-times a structured calendar matches, to the second. Empty second, minute and
 * hour lists mean 0; empty date lists mean every value. Day of month and day of week must both
 * match.
 */
final class CalendarMatcher {

  private final boolean[] seconds;
  private final boolean[] minutes;
  private final boolean[] hours;
  private final boolean[] daysOfMonth;
  private final boolean[] months;
  private final boolean[] daysOfWeek;
  private final List<Range> years;

  CalendarMatcher(StructuredCalendarSpec spec) {
    seconds = values(spec.getSecondList(), CalendarField.SECOND, false);
    minutes = values(spec.getMinuteList(), CalendarField.MINUTE, false);
    hours = values(spec.getHourList(), CalendarField.HOUR, false);
    daysOfMonth = values(spec.getDayOfMonthList(), CalendarField.DAY_OF_MONTH, true);
    months = values(spec.getMonthList(), CalendarField.MONTH, true);
    boolean[] weekdays = values(spec.getDayOfWeekList(), CalendarField.DAY_OF_WEEK, true);
    weekdays[0] |= weekdays[7];
    daysOfWeek = weekdays;
    years = spec.getYearList();
  }

  boolean matches(LocalDateTime time) {
    return yearMatches(time.getYear())
        && months[time.getMonthValue()]
        && dayMatches(time)
        && hours[time.getHour()]
        && minutes[time.getMinute()]
        && seconds[time.getSecond()];
  }

  /** The first matching time at or after {@code from} (whole seconds), up to the year given. */
  Optional<LocalDateTime> firstFrom(LocalDateTime from, int lastYear) {
    LocalDateTime time = from.truncatedTo(ChronoUnit.SECONDS);
    if (time.isBefore(from)) {
      time = time.plusSeconds(1);
    }
    while (time.getYear() <= lastYear) {
      if (!yearMatches(time.getYear())) {
        time = LocalDateTime.of(time.getYear() + 1, 1, 1, 0, 0);
      } else if (!months[time.getMonthValue()]) {
        time = time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(time)) {
        time = time.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours[time.getHour()]) {
        time = time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes[time.getMinute()]) {
        time = time.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
      } else if (!seconds[time.getSecond()]) {
        time = time.plusSeconds(1);
      } else {
        return Optional.of(time);
      }
    }
    return Optional.empty();
  }

  private boolean dayMatches(LocalDateTime time) {
    return daysOfMonth[time.getDayOfMonth()] && daysOfWeek[time.getDayOfWeek().getValue() % 7];
  }

  private boolean yearMatches(int year) {
    return years.isEmpty() || years.stream().anyMatch(range -> contains(range, year));
  }

  private static boolean[] values(List<Range> ranges, CalendarField field, boolean emptyIsAll) {
    boolean[] out = new boolean[field.max() + 1];
    if (ranges.isEmpty()) {
      if (emptyIsAll) {
        for (int v = field.min(); v <= field.max(); v++) {
          out[v] = true;
        }
      } else {
        out[0] = true;
      }
      return out;
    }
    for (Range range : ranges) {
      for (int v = Math.max(field.min(), range.getStart()); v <= field.max(); v++) {
        out[v] |= contains(range, v);
      }
    }
    return out;
  }

  /** Proto semantics: an end before the start means the start alone; a step of 0 means 1. */
  private static boolean contains(Range range, int value) {
    int end = Math.max(range.getEnd(), range.getStart());
    int step = Math.max(range.getStep(), 1);
    return value >= range.getStart() && value <= end && (value - range.getStart()) % step == 0;
  }
}
