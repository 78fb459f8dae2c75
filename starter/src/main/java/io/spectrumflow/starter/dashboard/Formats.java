package io.spectrumflow.starter.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard writes sizes, durations and times: short, in UTC. */
final class Formats {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

  private Formats() {}

  static String bytes(Long bytes) {
    if (bytes == null) {
      return "";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0
        ? bytes + " B"
        : String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
  }

  static String millis(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long seconds = millis / 1000;
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }

  static String instant(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** An ISO instant as the API gives it, written short; null stays empty. */
  static String instant(String iso) {
    return iso == null ? "" : instant(Instant.parse(iso));
  }

  static String count(Number number) {
    return number == null ? "" : String.format(Locale.ROOT, "%,d", number.longValue());
  }
}
