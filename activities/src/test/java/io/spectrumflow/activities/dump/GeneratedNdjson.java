package io.spectrumflow.activities.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes a large NDJSON file of service events straight to disk, at disk speed: the values are
 * formatted into bytes by hand, the free text picked from a few thousand pre-made messages (with
 * escaped line breaks and quotes, non-ASCII text and emoji). Seeded, so the same size gives the
 * same file.
 */
final class GeneratedNdjson {

  static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 18);

  private static final String[] TYPES = {"page_view", "click", "add_to_cart", "checkout", "login"};
  private static final String[] WORDS = {
    "order", "shipped", "refund", "issued", "payment", "declined", "Größe:", "grün", "東京",
    "pickup", "ticket", "\\\"great\\\"", "service,", "café", "😀", "retry", "succeeded", "cart"
  };

  private final SplittableRandom random;
  private final int days;
  private final byte[][] messages = new byte[4096][];
  private final byte[][] types = new byte[TYPES.length][];
  private final byte[] line = new byte[4096];
  private final long firstDayMicros = FIRST_DAY.toEpochDay() * 86_400_000_000L;

  /**
   * @param days how many days the event times spread over: the number of partitions
   */
  GeneratedNdjson(long seed, int days) {
    this.random = new SplittableRandom(seed);
    this.days = days;
    for (int i = 0; i < messages.length; i++) {
      StringBuilder text = new StringBuilder();
      int words = 6 + random.nextInt(16);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          int gap = random.nextInt(30);
          text.append(gap == 0 ? "\\n" : gap == 1 ? "\\r\\n" : " ");
        }
        text.append(WORDS[random.nextInt(WORDS.length)]);
      }
      messages[i] = text.toString().getBytes(StandardCharsets.UTF_8);
    }
    for (int i = 0; i < TYPES.length; i++) {
      types[i] = TYPES[i].getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * Writes records until the file holds at least {@code bytes}.
   *
   * @return the number of records
   */
  long write(Path file, long bytes) throws IOException {
    long records = 0;
    long written = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      while (written < bytes) {
        int length = record(records);
        out.write(line, 0, length);
        written += length;
        records++;
      }
    }
    return records;
  }

  private int record(long id) {
    int p = 0;
    p = ascii(p, "{\"event_id\": ");
    p = digits(p, id, 1);
    p = ascii(p, ", \"event_time\": \"");
    long micros = firstDayMicros + random.nextLong(days * 86_400_000_000L);
    p = timestamp(p, micros);
    p = ascii(p, "\", \"user_id\": \"u-");
    p = digits(p, random.nextInt(20_000), 1);
    p = ascii(p, "\", \"event_type\": \"");
    p = bytes(p, types[random.nextInt(types.length)]);
    p = ascii(p, "\", \"amount\": ");
    if (random.nextInt(50) == 0) {
      p = ascii(p, "null");
    } else {
      long cents = random.nextLong(50_000);
      p = digits(p, cents / 100, 1);
      line[p++] = '.';
      p = digits(p, cents % 100, 2);
    }
    p = ascii(p, random.nextInt(100) < 45 ? ", \"is_mobile\": true" : ", \"is_mobile\": false");
    p = ascii(p, ", \"duration_ms\": ");
    p = digits(p, random.nextInt(5000), 1);
    p = ascii(p, ", \"message\": \"");
    p = bytes(p, messages[random.nextInt(messages.length)]);
    p = ascii(p, "\"}\n");
    return p;
  }

  private int timestamp(int p, long micros) {
    long day = Math.floorDiv(micros, 86_400_000_000L);
    long ofDay = micros - day * 86_400_000_000L;
    LocalDate date = LocalDate.ofEpochDay(day);
    p = digits(p, date.getYear(), 4);
    line[p++] = '-';
    p = digits(p, date.getMonthValue(), 2);
    line[p++] = '-';
    p = digits(p, date.getDayOfMonth(), 2);
    line[p++] = 'T';
    long seconds = ofDay / 1_000_000;
    p = digits(p, seconds / 3600, 2);
    line[p++] = ':';
    p = digits(p, seconds / 60 % 60, 2);
    line[p++] = ':';
    p = digits(p, seconds % 60, 2);
    line[p++] = '.';
    p = digits(p, ofDay % 1_000_000, 6);
    line[p++] = 'Z';
    return p;
  }

  private int digits(int p, long value, int width) {
    int start = p;
    int count = Math.max(width, value == 0 ? 1 : (int) Math.log10(value) + 1);
    for (int i = count - 1; i >= 0; i--) {
      line[start + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return start + count;
  }

  private int ascii(int p, String text) {
    for (int i = 0; i < text.length(); i++) {
      line[p++] = (byte) text.charAt(i);
    }
    return p;
  }

  private int bytes(int p, byte[] value) {
    System.arraycopy(value, 0, line, p, value.length);
    return p + value.length;
  }
}
