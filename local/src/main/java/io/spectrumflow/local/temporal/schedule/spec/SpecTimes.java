package io.spectrumflow.local.temporal.schedule.spec;

import io.temporal.api.schedule.v1.IntervalSpec;
import io.temporal.api.schedule.v1.ScheduleSpec;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The times a (canonical) schedule spec matches: the union of its calendars and intervals, minus
 * its excluded calendars, within its start and end times, calendars read in its time zone. Times
 * are epoch milliseconds, as the scheduler workflow counts them. Jitter is not applied.
 */
public final class SpecTimes {

  /** Gives up looking for a time that no exclusion removes after this many candidates. */
  private static final int MAX_EXCLUDED_CANDIDATES = 100_000;

  private final List<CalendarMatcher> calendars;
  private final List<IntervalSpec> intervals;
  private final List<CalendarMatcher> excluded;
  private final ZoneId zone;
  private final OptionalLong start;
  private final OptionalLong end;

  private SpecTimes(ScheduleSpec spec) {
    calendars = spec.getStructuredCalendarList().stream().map(CalendarMatcher::new).toList();
    intervals = spec.getIntervalList();
    excluded = spec.getExcludeStructuredCalendarList().stream().map(CalendarMatcher::new).toList();
    zone = zone(spec.getTimezoneName());
    start =
        spec.hasStartTime()
            ? OptionalLong.of(ProtoDurations.epochMillis(spec.getStartTime()))
            : OptionalLong.empty();
    end =
        spec.hasEndTime()
            ? OptionalLong.of(ProtoDurations.epochMillis(spec.getEndTime()))
            : OptionalLong.empty();
  }

  /** The times of a spec whose cron strings and text calendars are already structured. */
  public static SpecTimes of(ScheduleSpec canonicalSpec) {
    return new SpecTimes(canonicalSpec);
  }

  static ZoneId zone(String name) {
    if (name.isEmpty()) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new InvalidSpecException("invalid time zone name: '" + name + "'");
    }
  }

  /** The first matching time strictly after {@code afterMillis}, if there is one. */
  public OptionalLong nextAfter(long afterMillis) {
    long candidate = afterMillis;
    if (start.isPresent() && candidate < start.getAsLong() - 1) {
      candidate = start.getAsLong() - 1;
    }
    for (int i = 0; i < MAX_EXCLUDED_CANDIDATES; i++) {
      OptionalLong next = earliestAfter(candidate);
      if (next.isEmpty() || (end.isPresent() && next.getAsLong() > end.getAsLong())) {
        return OptionalLong.empty();
      }
      if (!isExcluded(next.getAsLong())) {
        return next;
      }
      candidate = next.getAsLong();
    }
    return OptionalLong.empty();
  }

  /** The matching times in {@code (afterMillis, untilMillis]}, at most {@code max} of them. */
  public List<Long> between(long afterMillis, long untilMillis, int max) {
    List<Long> out = new ArrayList<>();
    long cursor = afterMillis;
    while (out.size() < max) {
      OptionalLong next = nextAfter(cursor);
      if (next.isEmpty() || next.getAsLong() > untilMillis) {
        break;
      }
      out.add(next.getAsLong());
      cursor = next.getAsLong();
    }
    return out;
  }

  /** The next {@code count} matching times after {@code afterMillis}. */
  public List<Long> next(long afterMillis, int count) {
    return between(afterMillis, Long.MAX_VALUE, count);
  }

  private OptionalLong earliestAfter(long afterMillis) {
    long best = Long.MAX_VALUE;
    for (IntervalSpec interval : intervals) {
      best = Math.min(best, intervalAfter(interval, afterMillis));
    }
    for (CalendarMatcher calendar : calendars) {
      Optional<Long> time = calendarAfter(calendar, afterMillis);
      if (time.isPresent()) {
        best = Math.min(best, time.get());
      }
    }
    return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
  }

  private static long intervalAfter(IntervalSpec spec, long afterMillis) {
    long every = ProtoDurations.toMillis(spec.getInterval());
    long phase = Math.floorMod(ProtoDurations.toMillis(spec.getPhase()), every);
    return (Math.floorDiv(afterMillis - phase, every) + 1) * every + phase;
  }

  private Optional<Long> calendarAfter(CalendarMatcher calendar, long afterMillis) {
    long firstSecond = Math.floorDiv(afterMillis, 1000) + 1;
    LocalDateTime from = LocalDateTime.ofInstant(Instant.ofEpochSecond(firstSecond), zone);
    while (true) {
      Optional<LocalDateTime> local = calendar.firstFrom(from, CalendarField.YEAR.max());
      if (local.isEmpty()) {
        return Optional.empty();
      }
      long millis = ZonedDateTime.ofLocal(local.get(), zone, null).toInstant().toEpochMilli();
      // A local time repeated when clocks go back maps to its first instant, which may be past.
      if (millis > afterMillis) {
        return Optional.of(millis);
      }
      from = local.get().plusSeconds(1);
    }
  }

  private boolean isExcluded(long millis) {
    if (excluded.isEmpty()) {
      return false;
    }
    LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
    return excluded.stream().anyMatch(calendar -> calendar.matches(local));
  }
}
