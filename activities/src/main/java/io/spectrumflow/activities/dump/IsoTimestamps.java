package io.spectrumflow.activities.dump;

import java.time.LocalDate;

/**
 * Parses ISO-8601 date-times straight to epoch microseconds, by hand: classification runs this on
 * many strings, and a shape check rejects most non-timestamps after a few character comparisons,
 * with no exception and no allocation.
 *
 * <p>Accepted: {@code yyyy-MM-dd} then {@code T}, {@code t} or a space, then {@code HH:mm},
 * optional {@code :ss}, optional {@code .} or {@code ,} and 1 to 9 fraction digits, then optionally
 * {@code Z}, {@code +HH:mm}, {@code +HHmm} or {@code +HH} (or {@code -}). No zone means UTC.
 * Fractions beyond microseconds are cut (floor). Zone ids such as {@code [Europe/Paris]} are not
 * accepted.
 */
final class IsoTimestamps {

  /** Returned for strings that are not timestamps; no 4-digit year reaches it. */
  static final long INVALID = Long.MIN_VALUE;

  static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final int MAX_OFFSET_SECONDS = 18 * 3600;
  private static final int[] NANOS_SCALE = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private IsoTimestamps() {}

  /** The epoch microseconds of an ISO-8601 date-time, or {@link #INVALID}. */
  static long dateTimeMicros(String s) {
    int n = s.length();
    if (n < 16 || !hasDateShape(s)) {
      return INVALID;
    }
    char separator = s.charAt(10);
    if (separator != 'T' && separator != 't' && separator != ' ') {
      return INVALID;
    }
    long epochDay = epochDay(s);
    int hour = twoDigits(s, 11);
    int minute = twoDigits(s, 14);
    if (epochDay == INVALID
        || hour < 0
        || hour > 23
        || s.charAt(13) != ':'
        || minute < 0
        || minute > 59) {
      return INVALID;
    }
    int i = 16;
    int second = 0;
    long nanos = 0;
    if (i < n && s.charAt(i) == ':') {
      second = i + 3 <= n ? twoDigits(s, i + 1) : -1;
      if (second < 0 || second > 59) {
        return INVALID;
      }
      i += 3;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        int start = ++i;
        while (i < n && isDigit(s.charAt(i)) && i - start < 9) {
          nanos = nanos * 10 + (s.charAt(i) - '0');
          i++;
        }
        int digits = i - start;
        if (digits == 0 || (i < n && isDigit(s.charAt(i)))) {
          return INVALID;
        }
        nanos *= NANOS_SCALE[digits];
      }
    }
    int offsetSeconds = 0;
    if (i < n) {
      offsetSeconds = offsetSeconds(s, i);
      if (offsetSeconds == Integer.MIN_VALUE) {
        return INVALID;
      }
    }
    long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * 1_000_000 + nanos / 1000;
  }

  /** The epoch microseconds of midnight UTC of a {@code yyyy-MM-dd} date, or {@link #INVALID}. */
  static long dateMicros(String s) {
    if (s.length() != 10 || !hasDateShape(s)) {
      return INVALID;
    }
    long epochDay = epochDay(s);
    return epochDay == INVALID ? INVALID : epochDay * MICROS_PER_DAY;
  }

  /** A date-time, or else a date (as midnight UTC), or {@link #INVALID}. */
  static long dateTimeOrDateMicros(String s) {
    long micros = dateTimeMicros(s);
    return micros != INVALID ? micros : dateMicros(s);
  }

  private static boolean hasDateShape(String s) {
    return s.charAt(4) == '-'
        && s.charAt(7) == '-'
        && isDigit(s.charAt(0))
        && isDigit(s.charAt(1))
        && isDigit(s.charAt(2))
        && isDigit(s.charAt(3))
        && isDigit(s.charAt(5))
        && isDigit(s.charAt(6))
        && isDigit(s.charAt(8))
        && isDigit(s.charAt(9));
  }

  private static long epochDay(String s) {
    int year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
    int month = twoDigits(s, 5);
    int day = twoDigits(s, 8);
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return INVALID;
    }
    return LocalDate.of(year, month, day).toEpochDay();
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** {@code Z}, {@code ±HH}, {@code ±HHmm} or {@code ±HH:mm} ending the string, else MIN_VALUE. */
  private static int offsetSeconds(String s, int i) {
    int n = s.length();
    char c = s.charAt(i);
    if (c == 'Z' || c == 'z') {
      return i + 1 == n ? 0 : Integer.MIN_VALUE;
    }
    if ((c != '+' && c != '-') || i + 3 > n) {
      return Integer.MIN_VALUE;
    }
    int hours = twoDigits(s, i + 1);
    int minutes = 0;
    int rest = n - (i + 3);
    if (rest == 3 && s.charAt(i + 3) == ':') {
      minutes = twoDigits(s, i + 4);
    } else if (rest == 2) {
      minutes = twoDigits(s, i + 3);
    } else if (rest != 0) {
      return Integer.MIN_VALUE;
    }
    if (hours < 0 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3600 + minutes * 60;
    if (seconds > MAX_OFFSET_SECONDS) {
      return Integer.MIN_VALUE;
    }
    return c == '-' ? -seconds : seconds;
  }

  /** Two decimal digits at {@code i} as a number, or -1. */
  private static int twoDigits(String s, int i) {
    char tens = s.charAt(i);
    char ones = s.charAt(i + 1);
    if (!isDigit(tens) || !isDigit(ones)) {
      return -1;
    }
    return (tens - '0') * 10 + (ones - '0');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
