package io.spectrumflow.local.aws;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to run the Glue + Redshift Data API stand-in.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port, or 0 for a free one
 * @param dataDir where the Glue catalog, the Redshift databases and the S3 cache are kept
 * @param s3 the client crawlers and Spectrum queries read S3 with; owned by the caller
 * @param crawlDuration how long a crawler run takes from StartCrawler back to READY (RUNNING, then
 *     STOPPING), so that clients really poll; longer when the crawl itself takes longer
 */
public record StandInSettings(
    String host, int port, Path dataDir, S3Client s3, Duration crawlDuration) {

  /** A crawl of the embedded stack: long enough to be polled, short enough for a demo. */
  public static final Duration DEFAULT_CRAWL_DURATION = Duration.ofSeconds(3);

  public StandInSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(s3, "s3");
    Objects.requireNonNull(crawlDuration, "crawlDuration");
    if (crawlDuration.isNegative()) {
      throw new IllegalArgumentException("crawlDuration must not be negative: " + crawlDuration);
    }
  }

  /** Settings with 3-second crawls. */
  public StandInSettings(String host, int port, Path dataDir, S3Client s3) {
    this(host, port, dataDir, s3, DEFAULT_CRAWL_DURATION);
  }

  public StandInSettings withCrawlDuration(Duration duration) {
    return new StandInSettings(host, port, dataDir, s3, duration);
  }
}
