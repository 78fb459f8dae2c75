package io.spectrumflow.local.temporal.schedule.spec;

import io.temporal.api.schedule.v1.CalendarSpec;
import io.temporal.api.schedule.v1.IntervalSpec;
import io.temporal.api.schedule.v1.StructuredCalendarSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code ScheduleSpec.cron_string} as the server reads it: 5 fields (minute hour day-of-month
 * month day-of-week), 6 (plus year) or 7 (second first, year last); the shorthands yearly,
 * annually, monthly, weekly, daily, midnight and hourly written with a leading at sign; an interval
 * written as the at sign, {@code every 90s} and an optional {@code /15s} phase; an optional leading
 * {@code CRON_TZ=zone} or {@code TZ=zone} and a trailing {@code # comment}. Day of month and day of
 * week must both match (no cron "or").
 *
 * @param calendar the calendar it means, unless it is an interval
 * @param interval the interval it means, if it is one
 * @param timeZone the zone it names, if any
 */
public record CronString(
    Optional<StructuredCalendarSpec> calendar,
    Optional<IntervalSpec> interval,
    Optional<String> timeZone) {

  private static final Map<String, String> SHORTHANDS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  public static CronString parse(String text) {
    String rest = text.trim();
    String comment = "";
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      comment = rest.substring(hash + 1).trim();
      rest = rest.substring(0, hash).trim();
    }
    Optional<String> zone = Optional.empty();
    String upper = rest.toUpperCase(Locale.ROOT);
    if (upper.startsWith("CRON_TZ=") || upper.startsWith("TZ=")) {
      int space = rest.indexOf(' ');
      if (space < 0) {
        throw new InvalidSpecException("invalid cron string: '" + text + "'");
      }
      zone = Optional.of(rest.substring(rest.indexOf('=') + 1, space));
      rest = rest.substring(space + 1).trim();
    }
    if (rest.toLowerCase(Locale.ROOT).startsWith("@every")) {
      return new CronString(Optional.empty(), Optional.of(every(rest, text)), zone);
    }
    String fields = SHORTHANDS.getOrDefault(rest.toLowerCase(Locale.ROOT), rest);
    return new CronString(Optional.of(calendar(fields, comment, text)), Optional.empty(), zone);
  }

  private static StructuredCalendarSpec calendar(String fields, String comment, String text) {
    String[] parts = fields.split("\\s+");
    CalendarSpec.Builder spec = CalendarSpec.newBuilder().setComment(comment);
    switch (parts.length) {
      case 5, 6 -> {
        spec.setSecond("0").setMinute(parts[0]).setHour(parts[1]).setDayOfMonth(parts[2]);
        spec.setMonth(parts[3]).setDayOfWeek(parts[4]);
        spec.setYear(parts.length == 6 ? parts[5] : "*");
      }
      case 7 -> {
        spec.setSecond(parts[0]).setMinute(parts[1]).setHour(parts[2]).setDayOfMonth(parts[3]);
        spec.setMonth(parts[4]).setDayOfWeek(parts[5]).setYear(parts[6]);
      }
      default ->
          throw new InvalidSpecException(
              "invalid cron string: '" + text + "': expected 5, 6 or 7 fields");
    }
    return CalendarText.toStructured(spec.build());
  }

  private static IntervalSpec every(String rest, String text) {
    String[] words = rest.split("\\s+");
    if (words.length != 2) {
      throw new InvalidSpecException("invalid cron string: '" + text + "'");
    }
    String[] parts = words[1].split("/", -1);
    if (parts.length > 2) {
      throw new InvalidSpecException("invalid cron string: '" + text + "'");
    }
    IntervalSpec.Builder interval =
        IntervalSpec.newBuilder().setInterval(ProtoDurations.ofMillis(durationMillis(parts[0])));
    if (parts.length == 2) {
      interval.setPhase(ProtoDurations.ofMillis(durationMillis(parts[1])));
    }
    return interval.build();
  }

  private static long durationMillis(String text) {
    if (text.length() < 2) {
      throw new InvalidSpecException("invalid duration: '" + text + "'");
    }
    long unit =
        switch (text.charAt(text.length() - 1)) {
          case 's' -> 1_000L;
          case 'm' -> 60_000L;
          case 'h' -> 3_600_000L;
          case 'd' -> 86_400_000L;
          default -> throw new InvalidSpecException("invalid duration unit: '" + text + "'");
        };
    try {
      return Long.parseLong(text.substring(0, text.length() - 1)) * unit;
    } catch (NumberFormatException e) {
      throw new InvalidSpecException("invalid duration: '" + text + "'");
    }
  }
}
