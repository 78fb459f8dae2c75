package io.spectrumflow.local.temporal.visibility.query;

import java.math.BigDecimal;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written as the server reads them for {@code ExecutionDuration}: Go's {@code 1h30m},
 * {@code 1.5s}, {@code 250ms} (units ns, us, ms, s, m, h), or {@code hh:mm:ss}.
 */
final class GoDuration {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
  private static final Pattern CLOCK = Pattern.compile("(\\d+):(\\d{2}):(\\d{2})");
  private static final Map<String, Long> NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDuration() {}

  static OptionalLong nanos(String text) {
    Matcher clock = CLOCK.matcher(text);
    if (clock.matches()) {
      long seconds =
          Long.parseLong(clock.group(1)) * 3600
              + Long.parseLong(clock.group(2)) * 60
              + Long.parseLong(clock.group(3));
      return OptionalLong.of(seconds * 1_000_000_000L);
    }
    Matcher part = PART.matcher(text);
    int end = 0;
    BigDecimal total = BigDecimal.ZERO;
    while (part.find() && part.start() == end) {
      total =
          total.add(
              new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(NANOS.get(part.group(2)))));
      end = part.end();
    }
    if (end == 0 || end != text.length()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(total.longValue());
  }
}
