package io.spectrumflow.local.temporal.schedule.spec;

import java.util.List;
import java.util.Locale;

/**
 * The fields of a calendar spec with the bounds and the names the server accepts, and what an empty
 * field means (midnight for the time fields, "every" for the date fields).
 */
public enum CalendarField {
  SECOND("second", 0, 59, "0", List.of()),
  MINUTE("minute", 0, 59, "0", List.of()),
  HOUR("hour", 0, 23, "0", List.of()),
  DAY_OF_MONTH("day_of_month", 1, 31, "*", List.of()),
  MONTH(
      "month",
      1,
      12,
      "*",
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")),
  YEAR("year", 2000, 2100, "*", List.of()),
  // 7 is Sunday too, as in cron.
  DAY_OF_WEEK("day_of_week", 0, 7, "*", List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat"));

  private final String label;
  private final int min;
  private final int max;
  private final String whenEmpty;
  private final List<String> names;

  CalendarField(String label, int min, int max, String whenEmpty, List<String> names) {
    this.label = label;
    this.min = min;
    this.max = max;
    this.whenEmpty = whenEmpty;
    this.names = names;
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /** The text an empty field of a {@code CalendarSpec} stands for. */
  String whenEmpty() {
    return whenEmpty;
  }

  /** A number, or a month or weekday name (its first three letters are enough). */
  int parseValue(String text) {
    String trimmed = text.trim();
    if (!names.isEmpty() && trimmed.length() >= 3) {
      int index = names.indexOf(trimmed.substring(0, 3).toLowerCase(Locale.ROOT));
      if (index >= 0) {
        return index + (this == MONTH ? 1 : 0);
      }
    }
    int value;
    try {
      value = Integer.parseInt(trimmed);
    } catch (NumberFormatException e) {
      throw new InvalidSpecException("invalid " + label + " value: '" + text + "'");
    }
    checkBounds(value);
    return value;
  }

  void checkBounds(int value) {
    if (value < min || value > max) {
      throw new InvalidSpecException(
          label + " value " + value + " out of range [" + min + ", " + max + "]");
    }
  }
}
