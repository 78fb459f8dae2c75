package io.spectrumflow.local.aws.glue.crawler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.glue.GlueCatalog;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.s3.S3ObjectCache;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Glue's crawlers: definitions kept under {@code dir/} like the rest of the catalog, runs in the
 * background. One lock for all; crawls do their S3 and catalog work outside it.
 */
public final class GlueCrawlers implements AutoCloseable, CrawlRun.Listener {

  private static final String LOG_GROUP = "/aws-glue/crawlers";

  private final CrawlerStore store;
  private final CrawlWork work;
  private final Duration crawlDuration;
  private final Clock clock;
  private final Map<String, Crawler> crawlers = new TreeMap<>();
  private final ExecutorService runs =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "glue-stand-in-crawler");
            thread.setDaemon(true);
            return thread;
          });

  public GlueCrawlers(
      Path dir, GlueCatalog catalog, S3ObjectCache cache, Duration crawlDuration, Clock clock) {
    this.store = new CrawlerStore(dir);
    this.work = new CrawlWork(catalog, cache);
    this.crawlDuration = crawlDuration;
    this.clock = clock;
    for (ObjectNode stored : store.load()) {
      Crawler crawler = Crawler.fromStored(stored);
      crawlers.put(crawler.name(), crawler);
    }
  }

  synchronized void create(ObjectNode definition, ObjectNode tags) {
    String name = definition.path("Name").asText();
    if (crawlers.containsKey(name)) {
      throw new AwsException(
          "AlreadyExistsException", "Crawler with name " + name + " already exists");
    }
    Crawler crawler = new Crawler(definition, tags, clock.instant());
    store.save(name, crawler.stored());
    crawlers.put(name, crawler);
  }

  synchronized ObjectNode get(String name) {
    return find(name).describe(clock.instant());
  }

  /** The crawler's description, or null when there is none of that name. */
  synchronized ObjectNode describeIfExists(String name) {
    Crawler crawler = crawlers.get(name);
    return crawler == null ? null : crawler.describe(clock.instant());
  }

  synchronized List<ObjectNode> all() {
    Instant now = clock.instant();
    return crawlers.values().stream().map(c -> c.describe(now)).toList();
  }

  /** Names of the crawlers that have all the given tags. */
  synchronized List<String> names(Map<String, String> tags) {
    return crawlers.values().stream()
        .filter(
            c ->
                tags.entrySet().stream()
                    .allMatch(t -> t.getValue().equals(c.tags.path(t.getKey()).asText(null))))
        .map(Crawler::name)
        .toList();
  }

  /** The crawler's tags. */
  synchronized ObjectNode tags(String name) {
    return find(name).tags.deepCopy();
  }

  /** Adds (or overwrites) and removes tags of the crawler; allowed while it runs. */
  synchronized void retag(String name, ObjectNode add, List<String> remove) {
    Crawler crawler = find(name);
    crawler.tags.setAll(add);
    remove.forEach(crawler.tags::remove);
    store.save(name, crawler.stored());
  }

  /** Replaces the definition with {@code change}'s result; not while the crawler runs. */
  synchronized void update(String name, Function<ObjectNode, ObjectNode> change) {
    Crawler crawler = find(name);
    if (crawler.state != CrawlerState.READY) {
      throw new AwsException(
          "CrawlerRunningException", "Crawler with name " + name + " is running");
    }
    crawler.definition = change.apply(crawler.definition.deepCopy());
    crawler.version++;
    crawler.lastUpdated = clock.instant();
    store.save(name, crawler.stored());
  }

  synchronized void delete(String name) {
    Crawler crawler = find(name);
    if (crawler.state != CrawlerState.READY) {
      throw new AwsException(
          "CrawlerRunningException", "Crawler with name " + name + " is running");
    }
    store.delete(name);
    crawlers.remove(name);
  }

  synchronized void start(String name) {
    Crawler crawler = find(name);
    if (crawler.state != CrawlerState.READY) {
      throw new AwsException(
          "CrawlerRunningException", "Crawler with name " + name + " has already started");
    }
    CrawlRun run =
        new CrawlRun(name, crawler.definition, clock.instant(), crawlDuration, work, this);
    crawler.run = run;
    crawler.state = CrawlerState.RUNNING;
    runs.execute(run);
  }

  synchronized void stop(String name) {
    Crawler crawler = find(name);
    switch (crawler.state) {
      case READY ->
          throw new AwsException(
              "CrawlerNotRunningException", "Crawler with name " + name + " isn't running");
      case STOPPING ->
          throw new AwsException(
              "CrawlerStoppingException", "Crawler with name " + name + " is stopping");
      case RUNNING -> {
        crawler.state = CrawlerState.STOPPING;
        crawler.run.requestStop();
      }
    }
  }

  synchronized ObjectNode metrics(String name) {
    Crawler crawler = crawlers.get(name);
    return crawler == null ? null : crawler.metrics(clock.instant(), crawlDuration);
  }

  synchronized List<String> allNames() {
    return List.copyOf(crawlers.keySet());
  }

  @Override
  public synchronized void stopping(CrawlRun run) {
    Crawler crawler = crawlers.get(run.crawlerName());
    if (crawler != null && crawler.run == run) {
      crawler.state = CrawlerState.STOPPING;
    }
  }

  @Override
  public synchronized void finished(CrawlRun run, CrawlOutcome outcome, Duration runtime) {
    Crawler crawler = crawlers.get(run.crawlerName());
    if (crawler == null || crawler.run != run) {
      return;
    }
    ObjectNode lastCrawl = AwsJson.object();
    lastCrawl.put("Status", outcome.status());
    if (outcome.errorMessage() != null) {
      lastCrawl.put("ErrorMessage", outcome.errorMessage());
    }
    lastCrawl.put("LogGroup", LOG_GROUP);
    lastCrawl.put("LogStream", crawler.name());
    lastCrawl.put("MessagePrefix", run.messagePrefix());
    lastCrawl.set("StartTime", AwsJson.epochSeconds(run.startedAt()));
    crawler.lastCrawl = lastCrawl;
    crawler.lastOutcome = outcome;
    crawler.recordRuntime(runtime);
    crawler.run = null;
    crawler.state = CrawlerState.READY;
    store.save(crawler.name(), crawler.stored());
  }

  private Crawler find(String name) {
    Crawler crawler = crawlers.get(name);
    if (crawler == null) {
      throw new AwsException(
          "EntityNotFoundException", "Crawler entry with name " + name + " does not exist");
    }
    return crawler;
  }

  /** Ends running crawls (CANCELLED) and stops their threads. */
  @Override
  public void close() {
    runs.shutdownNow();
    try {
      runs.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
