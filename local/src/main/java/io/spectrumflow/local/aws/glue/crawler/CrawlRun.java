package io.spectrumflow.local.aws.glue.crawler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl in the background, paced like Glue's so that clients poll: RUNNING (the crawl itself,
 * then waiting out most of the crawl duration), STOPPING for the rest, then READY with the
 * LastCrawl. StopCrawler moves a RUNNING crawl to STOPPING at once and it ends CANCELLED.
 */
final class CrawlRun implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);

  /** The share of the crawl duration spent RUNNING; STOPPING takes the rest. */
  private static final double RUNNING_SHARE = 0.7;

  /** The crawler's side of a run: state changes and the end, under the crawlers' lock. */
  interface Listener {
    void stopping(CrawlRun run);

    void finished(CrawlRun run, CrawlOutcome outcome, Duration runtime);
  }

  private final String crawlerName;
  private final ObjectNode definition;
  private final Instant startedAt;
  private final String messagePrefix = UUID.randomUUID().toString();
  private final Duration duration;
  private final CrawlWork work;
  private final Listener listener;
  private final CountDownLatch stopRequested = new CountDownLatch(1);

  CrawlRun(
      String crawlerName,
      ObjectNode definition,
      Instant startedAt,
      Duration duration,
      CrawlWork work,
      Listener listener) {
    this.crawlerName = crawlerName;
    this.definition = definition;
    this.startedAt = startedAt;
    this.duration = duration;
    this.work = work;
    this.listener = listener;
  }

  String crawlerName() {
    return crawlerName;
  }

  Instant startedAt() {
    return startedAt;
  }

  String messagePrefix() {
    return messagePrefix;
  }

  /** Asks the crawl to stop; it ends CANCELLED after STOPPING. */
  void requestStop() {
    stopRequested.countDown();
  }

  private boolean stopping() {
    return stopRequested.getCount() == 0;
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    CrawlOutcome outcome;
    try {
      outcome = work.crawl(definition, this::stopping);
    } catch (RuntimeException e) {
      LOG.error("crawler {} failed in the stand-in", crawlerName, e);
      outcome = CrawlOutcome.failed("Internal Service Exception: " + e);
    }
    try {
      long runningNanos = (long) (duration.toNanos() * RUNNING_SHARE);
      long waited = System.nanoTime() - start;
      stopRequested.await(Math.max(0, runningNanos - waited), TimeUnit.NANOSECONDS);
      listener.stopping(this);
      long left = duration.toNanos() - (System.nanoTime() - start);
      if (stopping()) {
        left = Math.max(left, duration.toNanos() - runningNanos);
      }
      TimeUnit.NANOSECONDS.sleep(Math.max(0, left));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the stand-in is closing
      requestStop();
    }
    if (stopping()) {
      outcome = CrawlOutcome.cancelled();
    }
    listener.finished(this, outcome, Duration.ofNanos(System.nanoTime() - start));
  }
}
