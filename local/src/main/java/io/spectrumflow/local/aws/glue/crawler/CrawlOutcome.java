package io.spectrumflow.local.aws.glue.crawler;

/**
 * How a crawl ended, for LastCrawl and GetCrawlerMetrics.
 *
 * @param status SUCCEEDED, FAILED or CANCELLED
 * @param errorMessage why it FAILED, else null
 */
record CrawlOutcome(String status, String errorMessage, int tablesCreated, int tablesUpdated) {

  static CrawlOutcome cancelled() {
    return new CrawlOutcome("CANCELLED", null, 0, 0);
  }

  static CrawlOutcome failed(String message) {
    return new CrawlOutcome("FAILED", message, 0, 0);
  }
}
