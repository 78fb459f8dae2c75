package io.spectrumflow.local.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes the same generated events as NDJSON and as CSV (RFC 4180: fields with commas, quotes or
 * line breaks quoted, quotes doubled; null as an empty field), so that both formats are measured on
 * identical rows.
 */
final class BenchInputs {

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private BenchInputs() {}

  static InputFiles write(Path dir, long rows, long seed) throws IOException {
    Files.createDirectories(dir);
    Path ndjson = dir.resolve("events-" + rows + "-" + seed + ".ndjson");
    Path csv = dir.resolve("events-" + rows + "-" + seed + ".csv");
    if (Files.exists(ndjson) && Files.exists(csv)) {
      return new InputFiles(ndjson, csv); // same rows and seed: the same bytes
    }
    Path ndjsonPart = dir.resolve(ndjson.getFileName() + ".part");
    Path csvPart = dir.resolve(csv.getFileName() + ".part");
    SampleEvents events = new SampleEvents(seed);
    try (Writer json = writer(ndjsonPart);
        Writer text = writer(csvPart)) {
      text.write(String.join(",", SampleEvents.COLUMNS));
      text.write('\n');
      for (long i = 0; i < rows; i++) {
        SampleEvent event = events.next();
        writeJson(json, event);
        writeCsv(text, event);
      }
    }
    Files.move(ndjsonPart, ndjson);
    Files.move(csvPart, csv);
    return new InputFiles(ndjson, csv);
  }

  private static Writer writer(Path file) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20);
  }

  static String time(long micros) {
    return MICROS.format(Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000));
  }

  static String amount(long cents) {
    long units = cents / 100;
    long rest = cents % 100;
    return units + (rest < 10 ? ".0" : ".") + rest;
  }

  static void writeJson(Writer out, SampleEvent e) throws IOException {
    out.write("{\"event_id\": ");
    out.write(Long.toString(e.eventId()));
    out.write(", \"event_time\": \"");
    out.write(time(e.eventMicros()));
    out.write("\", \"user_id\": \"");
    out.write(e.userId());
    out.write("\", \"event_type\": \"");
    out.write(e.eventType());
    out.write("\", \"amount\": ");
    out.write(e.amountCents() == null ? "null" : amount(e.amountCents()));
    out.write(", \"is_mobile\": ");
    out.write(e.mobile() ? "true" : "false");
    out.write(", \"duration_ms\": ");
    out.write(Long.toString(e.durationMs()));
    out.write(", \"message\": ");
    jsonString(out, e.message());
    out.write("}\n");
  }

  private static void jsonString(Writer out, String s) throws IOException {
    out.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.write("\\\"");
        case '\\' -> out.write("\\\\");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        default -> out.write(c);
      }
    }
    out.write('"');
  }

  static void writeCsv(Writer out, SampleEvent e) throws IOException {
    out.write(Long.toString(e.eventId()));
    out.write(',');
    out.write(time(e.eventMicros()));
    out.write(',');
    out.write(e.userId());
    out.write(',');
    out.write(e.eventType());
    out.write(',');
    out.write(e.amountCents() == null ? "" : amount(e.amountCents()));
    out.write(',');
    out.write(e.mobile() ? "true" : "false");
    out.write(',');
    out.write(Long.toString(e.durationMs()));
    out.write(',');
    csvField(out, e.message());
    out.write('\n');
  }

  private static void csvField(Writer out, String s) throws IOException {
    boolean quote =
        s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    if (!quote) {
      out.write(s);
      return;
    }
    out.write('"');
    out.write(s.replace("\"", "\"\""));
    out.write('"');
  }
}
