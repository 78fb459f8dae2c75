package io.spectrumflow.workflows.export;

/**
 * A crawl that ended SUCCEEDED.
 *
 * @param crawler the crawler's name
 * @param created whether this run created the crawler
 * @param updated whether this run changed the crawler's definition to match the pipeline
 * @param waitedForRunningCrawl whether another crawl was running and was waited for first
 */
public record CrawlResult(
    String crawler, boolean created, boolean updated, boolean waitedForRunningCrawl) {}
