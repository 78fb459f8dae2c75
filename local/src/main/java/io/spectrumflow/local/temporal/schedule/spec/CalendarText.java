package io.spectrumflow.local.temporal.schedule.spec;

import io.temporal.api.schedule.v1.CalendarSpec;
import io.temporal.api.schedule.v1.Range;
import io.temporal.api.schedule.v1.StructuredCalendarSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the text form of calendar fields ({@code CalendarSpec}, cron fields) into ranges, as the
 * server does when it stores a schedule: a comma-separated list of {@code *}, {@code n}, {@code
 * a-b}, each optionally with {@code /step}; a single value with a step runs to the field's end.
 */
public final class CalendarText {

  private CalendarText() {}

  public static StructuredCalendarSpec toStructured(CalendarSpec spec) {
    return StructuredCalendarSpec.newBuilder()
        .addAllSecond(ranges(spec.getSecond(), CalendarField.SECOND))
        .addAllMinute(ranges(spec.getMinute(), CalendarField.MINUTE))
        .addAllHour(ranges(spec.getHour(), CalendarField.HOUR))
        .addAllDayOfMonth(ranges(spec.getDayOfMonth(), CalendarField.DAY_OF_MONTH))
        .addAllMonth(ranges(spec.getMonth(), CalendarField.MONTH))
        .addAllYear(ranges(spec.getYear(), CalendarField.YEAR))
        .addAllDayOfWeek(ranges(spec.getDayOfWeek(), CalendarField.DAY_OF_WEEK))
        .setComment(spec.getComment())
        .build();
  }

  /** The ranges a field's text means; an empty text means the field's default. */
  public static List<Range> ranges(String text, CalendarField field) {
    String value = text.isBlank() ? field.whenEmpty() : text.trim();
    if (value.equals("*") && field == CalendarField.YEAR) {
      // No year ranges means every year, without the range's upper bound.
      return List.of();
    }
    List<Range> out = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      out.add(range(part.trim(), field));
    }
    return out;
  }

  private static Range range(String part, CalendarField field) {
    if (part.isEmpty()) {
      throw new InvalidSpecException("empty range in calendar field");
    }
    String body = part;
    int step = 1;
    boolean hasStep = false;
    int slash = part.indexOf('/');
    if (slash >= 0) {
      body = part.substring(0, slash);
      try {
        step = Integer.parseInt(part.substring(slash + 1).trim());
      } catch (NumberFormatException e) {
        throw new InvalidSpecException("invalid step in '" + part + "'");
      }
      if (step < 1) {
        throw new InvalidSpecException("step must be positive in '" + part + "'");
      }
      hasStep = true;
    }
    int start = field.min();
    int end = field == CalendarField.DAY_OF_WEEK ? 6 : field.max();
    if (!body.equals("*")) {
      int dash = body.indexOf('-');
      if (dash > 0) {
        start = field.parseValue(body.substring(0, dash));
        end = field.parseValue(body.substring(dash + 1));
      } else {
        start = field.parseValue(body);
        if (!hasStep) {
          end = start;
        }
      }
    }
    return Range.newBuilder().setStart(start).setEnd(end).setStep(step).build();
  }
}
