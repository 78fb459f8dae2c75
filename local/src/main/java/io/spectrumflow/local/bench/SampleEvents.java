package io.spectrumflow.local.bench;

import java.util.SplittableRandom;

/**
 * A seeded generator of service events shaped like the bundled sample ({@code samples/events.*}):
 * an id, an event time over three days with microseconds, a user, an event type, an amount
 * (sometimes null), a mobile flag, a duration and a free-text message that may hold line breaks,
 * commas, quotes and non-ASCII characters. The same seed gives the same rows, so that runs on
 * different days or machines measure the same input.
 */
final class SampleEvents {

  /** Column names in file order. */
  static final String[] COLUMNS = {
    "event_id",
    "event_time",
    "user_id",
    "event_type",
    "amount",
    "is_mobile",
    "duration_ms",
    "message"
  };

  /** 2026-11-22T00:00:00Z in epoch seconds: the first of the three days. */
  static final long FIRST_DAY_EPOCH_SECOND = 1_795_305_600L;

  private static final String[] TYPES = {
    "page_view", "page_view", "page_view", "click", "click", "add_to_cart", "checkout", "login"
  };
  private static final String[] WORDS = {
    "order",
    "shipped",
    "customer",
    "asked",
    "about",
    "the",
    "delivery",
    "window",
    "refund",
    "issued",
    "payment",
    "declined",
    "retry",
    "succeeded",
    "Größe:",
    "XL;",
    "Farbe:",
    "grün",
    "東京",
    "store",
    "pickup",
    "ticket",
    "#4411",
    "status:",
    "resolved",
    "café",
    "naïve",
    "user",
    "said",
    "\"great\"",
    "service,",
    "thanks",
    "cart",
    "abandoned",
    "after",
    "coupon",
    "SAVE10",
    "applied",
    "at",
    "checkout",
    "mobile",
    "app",
    "crashed",
    "on",
    "iOS",
    "17.2",
    "élan",
    "😀"
  };

  private final SplittableRandom random;
  private long next;

  SampleEvents(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The next event; a new object each time (generation is not what is measured). */
  SampleEvent next() {
    long id = 1_000_000 + next++;
    long micros = FIRST_DAY_EPOCH_SECOND * 1_000_000 + random.nextLong(3L * 86_400_000_000L);
    String user = "u-" + random.nextInt(20_000);
    String type = TYPES[random.nextInt(TYPES.length)];
    Long cents = random.nextInt(50) == 0 ? null : random.nextLong(50_000);
    boolean mobile = random.nextInt(100) < 45;
    long duration = random.nextInt(5_000);
    return new SampleEvent(id, micros, user, type, cents, mobile, duration, message());
  }

  private String message() {
    int words = 6 + random.nextInt(16);
    StringBuilder text = new StringBuilder(160);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        int gap = random.nextInt(40);
        text.append(gap == 0 ? "\n" : gap == 1 ? "\r\n" : gap == 2 ? ", " : " ");
      }
      text.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return text.toString();
  }
}
