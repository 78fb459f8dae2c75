package io.spectrumflow.local.temporal.schedule.spec;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.time.Instant;

/** Conversions between protobuf times and milliseconds, which the scheduler counts in. */
public final class ProtoDurations {

  private ProtoDurations() {}

  public static Duration ofMillis(long millis) {
    return Duration.newBuilder()
        .setSeconds(Math.floorDiv(millis, 1000))
        .setNanos((int) (Math.floorMod(millis, 1000L) * 1_000_000))
        .build();
  }

  public static long toMillis(Duration duration) {
    return duration.getSeconds() * 1000 + duration.getNanos() / 1_000_000;
  }

  public static Timestamp timestamp(long epochMillis) {
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(epochMillis, 1000))
        .setNanos((int) (Math.floorMod(epochMillis, 1000L) * 1_000_000))
        .build();
  }

  public static long epochMillis(Timestamp timestamp) {
    return timestamp.getSeconds() * 1000 + timestamp.getNanos() / 1_000_000;
  }

  public static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
