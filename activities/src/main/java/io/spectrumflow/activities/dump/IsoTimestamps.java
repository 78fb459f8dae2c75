package io.spectrumflow.activities.dump;

/**
 * Parses ISO-8601 date-times straight to epoch microseconds, by hand, from UTF-8 bytes (or a
 * string): classification runs this on many values, and a shape check rejects most non-timestamps
 * after a few comparisons, with no exception and no allocation.
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

  /** The longest accepted form: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnn+HH:mm}. */
  static final int MAX_LENGTH = 35;

  private static final int MAX_OFFSET_SECONDS = 18 * 3600;
  private static final int[] NANOS_SCALE = {
    0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
  };

  private IsoTimestamps() {}

  /** The epoch microseconds of an ISO-8601 date-time, or {@link #INVALID}. */
  static long dateTimeMicros(String s) {
    return s.length() > MAX_LENGTH ? INVALID : dateTimeMicros(ascii(s), 0, s.length());
  }

  /** The epoch microseconds of midnight UTC of a {@code yyyy-MM-dd} date, or {@link #INVALID}. */
  static long dateMicros(String s) {
    return s.length() != 10 ? INVALID : dateMicros(ascii(s), 0, 10);
  }

  /** A date-time, or else a date (as midnight UTC), or {@link #INVALID}. */
  static long dateTimeOrDateMicros(String s) {
    long micros = dateTimeMicros(s);
    return micros != INVALID ? micros : dateMicros(s);
  }

  /** The characters as bytes; anything outside ASCII becomes 0, which matches nothing here. */
  private static byte[] ascii(String s) {
    int n = Math.min(s.length(), MAX_LENGTH);
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      bytes[i] = c < 0x80 ? (byte) c : 0;
    }
    return bytes;
  }

  /** The epoch microseconds of the date-time in {@code length} UTF-8 bytes at {@code at}. */
  static long dateTimeMicros(byte[] s, int at, int length) {
    int n = at + length;
    if (length < 16 || length > MAX_LENGTH || !hasDateShape(s, at)) {
      return INVALID;
    }
    byte separator = s[at + 10];
    if (separator != 'T' && separator != 't' && separator != ' ') {
      return INVALID;
    }
    long epochDay = epochDay(s, at);
    int hour = twoDigits(s, at + 11);
    int minute = twoDigits(s, at + 14);
    if (epochDay == INVALID
        || hour < 0
        || hour > 23
        || s[at + 13] != ':'
        || minute < 0
        || minute > 59) {
      return INVALID;
    }
    int i = at + 16;
    int second = 0;
    long nanos = 0;
    if (i < n && s[i] == ':') {
      second = i + 3 <= n ? twoDigits(s, i + 1) : -1;
      if (second < 0 || second > 59) {
        return INVALID;
      }
      i += 3;
      if (i < n && (s[i] == '.' || s[i] == ',')) {
        int start = ++i;
        while (i < n && isDigit(s[i]) && i - start < 9) {
          nanos = nanos * 10 + (s[i] - '0');
          i++;
        }
        int digits = i - start;
        if (digits == 0 || (i < n && isDigit(s[i]))) {
          return INVALID;
        }
        nanos *= NANOS_SCALE[digits];
      }
    }
    int offsetSeconds = 0;
    if (i < n) {
      offsetSeconds = offsetSeconds(s, i, n);
      if (offsetSeconds == Integer.MIN_VALUE) {
        return INVALID;
      }
    }
    long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * 1_000_000 + nanos / 1000;
  }

  /** The epoch microseconds of midnight UTC of the date in {@code length} bytes at {@code at}. */
  static long dateMicros(byte[] s, int at, int length) {
    if (length != 10 || !hasDateShape(s, at)) {
      return INVALID;
    }
    long epochDay = epochDay(s, at);
    return epochDay == INVALID ? INVALID : epochDay * MICROS_PER_DAY;
  }

  /** A date-time, or else a date (as midnight UTC), or {@link #INVALID}. */
  static long dateTimeOrDateMicros(byte[] s, int at, int length) {
    long micros = dateTimeMicros(s, at, length);
    return micros != INVALID ? micros : dateMicros(s, at, length);
  }

  private static boolean hasDateShape(byte[] s, int at) {
    return s[at + 4] == '-'
        && s[at + 7] == '-'
        && isDigit(s[at])
        && isDigit(s[at + 1])
        && isDigit(s[at + 2])
        && isDigit(s[at + 3])
        && isDigit(s[at + 5])
        && isDigit(s[at + 6])
        && isDigit(s[at + 8])
        && isDigit(s[at + 9]);
  }

  private static long epochDay(byte[] s, int at) {
    int year = twoDigits(s, at) * 100 + twoDigits(s, at + 2);
    int month = twoDigits(s, at + 5);
    int day = twoDigits(s, at + 8);
    if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
      return INVALID;
    }
    return daysFromCivil(year, month, day);
  }

  /**
   * Days since 1970-01-01 of a proleptic Gregorian date, as {@code LocalDate.toEpochDay} gives
   * without making a LocalDate (Howard Hinnant's days_from_civil).
   */
  static long daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** {@code Z}, {@code ±HH}, {@code ±HHmm} or {@code ±HH:mm} ending at n, else MIN_VALUE. */
  private static int offsetSeconds(byte[] s, int i, int n) {
    byte c = s[i];
    if (c == 'Z' || c == 'z') {
      return i + 1 == n ? 0 : Integer.MIN_VALUE;
    }
    if ((c != '+' && c != '-') || i + 3 > n) {
      return Integer.MIN_VALUE;
    }
    int hours = twoDigits(s, i + 1);
    int minutes = 0;
    int rest = n - (i + 3);
    if (rest == 3 && s[i + 3] == ':') {
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
  private static int twoDigits(byte[] s, int i) {
    byte tens = s[i];
    byte ones = s[i + 1];
    if (!isDigit(tens) || !isDigit(ones)) {
      return -1;
    }
    return (tens - '0') * 10 + (ones - '0');
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }
}
