package io.spectrumflow.local.dashboard;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Batches the dashboard tests post: the sample that succeeds, and one whose failure quotes HTML.
 */
final class HostileInput {

  /** Markup in a record's partition field: the dump's failure message quotes it. */
  static final String MARKUP = "<img src=x onerror=alert(1)>";

  private HostileInput() {}

  /** A record whose partition field is markup instead of a time: the dump fails on it. */
  static String failingRecord() {
    return "{\"id\": 1, \"event_time\": \"" + MARKUP + "\"}\n";
  }

  /** The 52-record sample CSV, which exports cleanly. */
  static String sample() throws Exception {
    try (InputStream in = HostileInput.class.getResourceAsStream("/samples/events.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
