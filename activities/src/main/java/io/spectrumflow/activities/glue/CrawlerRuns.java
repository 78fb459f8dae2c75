package io.spectrumflow.activities.glue;

import io.spectrumflow.workflows.export.CrawlResult;
import io.spectrumflow.workflows.export.ExportFailures;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Crawler;
import software.amazon.awssdk.services.glue.model.CrawlerRunningException;
import software.amazon.awssdk.services.glue.model.CrawlerState;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.LastCrawlInfo;
import software.amazon.awssdk.services.glue.model.LastCrawlStatus;

/**
 * Runs a pipeline's crawler to completion: creates or updates it, starts it, and polls it until it
 * is READY again. A crawl already running (another batch's, or a schedule's) is waited for and then
 * this batch's crawl is started, because the running one may have listed the prefix before this
 * batch's objects arrived.
 */
public final class CrawlerRuns {

  private static final Logger log = LoggerFactory.getLogger(CrawlerRuns.class);
  private static final Duration FIRST_POLL = Duration.ofMillis(250);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(15);

  private final GlueClient glue;

  public CrawlerRuns(GlueClient glue) {
    this.glue = glue;
  }

  /**
   * Crawls and waits.
   *
   * @param polled called after each poll (the activity heartbeats there)
   * @throws ApplicationFailure of type {@link ExportFailures#CRAWL_FAILED} when the crawl ends
   *     FAILED or CANCELLED
   */
  public CrawlResult run(CrawlerDefinition definition, Runnable polled) {
    String name = definition.name();
    boolean created = false;
    boolean updated = false;
    // The crawler writes into the database; it must exist before the first crawl.
    new GlueDatabases(glue).ensure(definition.database());
    Crawler crawler = find(name);
    if (crawler == null) {
      try {
        glue.createCrawler(definition.create());
        log.info("glue: created crawler {}", name);
        created = true;
      } catch (AlreadyExistsException raced) {
        // created by a concurrent run with the same definition
      }
      crawler = find(name);
    }
    boolean waited = false;
    if (!created && definition.differsFrom(crawler)) {
      waited = crawler.state() != CrawlerState.READY;
      crawler = awaitReady(name, polled);
      glue.updateCrawler(definition.update());
      log.info("glue: updated crawler {} to the pipeline's definition", name);
      updated = true;
    }
    Instant previousStart = lastStart(crawler);
    while (true) {
      try {
        glue.startCrawler(b -> b.name(name));
        break;
      } catch (CrawlerRunningException running) {
        log.info("glue: crawler {} is already running; waiting for it to finish first", name);
        waited = true;
        previousStart = lastStart(awaitReady(name, polled));
      }
    }
    log.info("glue: started crawler {}", name);
    Crawler finished = awaitCrawlAfter(name, previousStart, polled);
    LastCrawlInfo last = finished.lastCrawl();
    if (last.status() != LastCrawlStatus.SUCCEEDED) {
      throw ApplicationFailure.newNonRetryableFailure(
          "crawler "
              + name
              + ": last crawl "
              + last.statusAsString()
              + (last.errorMessage() == null ? "" : ": " + last.errorMessage())
              + (last.logGroup() == null
                  ? ""
                  : " (CloudWatch logs: " + last.logGroup() + " / " + last.logStream() + ")"),
          ExportFailures.CRAWL_FAILED);
    }
    log.info("glue: crawler {} finished: SUCCEEDED", name);
    return new CrawlResult(name, created, updated, waited);
  }

  private Crawler find(String name) {
    try {
      return glue.getCrawler(b -> b.name(name)).crawler();
    } catch (EntityNotFoundException missing) {
      return null;
    }
  }

  /**
   * Polls until the crawler is READY and its last crawl is a new one, started after {@code since}.
   */
  private Crawler awaitCrawlAfter(String name, Instant since, Runnable polled) {
    Duration wait = FIRST_POLL;
    while (true) {
      Crawler crawler = glue.getCrawler(b -> b.name(name)).crawler();
      // Right after StartCrawler the state may still read READY with the previous crawl's result.
      if (crawler.state() == CrawlerState.READY
          && crawler.lastCrawl() != null
          && !Objects.equals(lastStart(crawler), since)) {
        return crawler;
      }
      polled.run();
      wait = pause(wait);
    }
  }

  private Crawler awaitReady(String name, Runnable polled) {
    Duration wait = FIRST_POLL;
    while (true) {
      Crawler crawler = glue.getCrawler(b -> b.name(name)).crawler();
      if (crawler.state() == CrawlerState.READY) {
        return crawler;
      }
      polled.run();
      wait = pause(wait);
    }
  }

  private static Instant lastStart(Crawler crawler) {
    return crawler.lastCrawl() == null ? null : crawler.lastCrawl().startTime();
  }

  private static Duration pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a Glue crawler", e);
    }
    Duration next = wait.multipliedBy(2);
    return next.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : next;
  }
}
