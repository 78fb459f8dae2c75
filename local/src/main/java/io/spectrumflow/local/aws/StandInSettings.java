package io.spectrumflow.local.aws;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to run the Glue + Redshift stand-in.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port, or 0 for a free one
 * @param dataDir where the Glue catalog, the Redshift databases and the S3 cache are kept
 * @param s3 the client crawlers and Spectrum queries read S3 with; owned by the caller
 * @param crawlDuration how long a crawler run takes from StartCrawler back to READY (RUNNING, then
 *     STOPPING), so that clients really poll; longer when the crawl itself takes longer
 * @param clusters Redshift cluster identifiers (and Serverless workgroup names) to the IAM role
 *     ARNs associated with them. Empty: every identifier is accepted and every well-formed role may
 *     be used. Not empty: only these clusters exist and only their roles may be used
 * @param region the region ARNs and endpoints the stand-in reports name, e.g. {@code us-east-1}
 * @param spectrumGlue the client the Redshift side reads the Data Catalog with, to read another
 *     Glue (e.g. moto's) as Spectrum reads its region's; owned by the caller. Null: the stand-in's
 *     own Glue catalog
 */
public record StandInSettings(
    String host,
    int port,
    Path dataDir,
    S3Client s3,
    Duration crawlDuration,
    Map<String, List<String>> clusters,
    String region,
    GlueClient spectrumGlue) {

  /** A crawl of the embedded stack: long enough to be polled, short enough for a demo. */
  public static final Duration DEFAULT_CRAWL_DURATION = Duration.ofSeconds(3);

  public static final String DEFAULT_REGION = "us-east-1";

  /** Settings whose Redshift side reads the stand-in's own Glue catalog. */
  public StandInSettings(
      String host,
      int port,
      Path dataDir,
      S3Client s3,
      Duration crawlDuration,
      Map<String, List<String>> clusters,
      String region) {
    this(host, port, dataDir, s3, crawlDuration, clusters, region, null);
  }

  public StandInSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(s3, "s3");
    Objects.requireNonNull(crawlDuration, "crawlDuration");
    Objects.requireNonNull(region, "region");
    if (crawlDuration.isNegative()) {
      throw new IllegalArgumentException("crawlDuration must not be negative: " + crawlDuration);
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    Objects.requireNonNull(clusters, "clusters")
        .forEach((id, roles) -> copy.put(id, List.copyOf(roles)));
    clusters = Collections.unmodifiableMap(copy);
  }

  /** Lenient settings: 3-second crawls, any cluster and role accepted, region us-east-1. */
  public StandInSettings(String host, int port, Path dataDir, S3Client s3) {
    this(host, port, dataDir, s3, DEFAULT_CRAWL_DURATION, Map.of(), DEFAULT_REGION);
  }

  public StandInSettings withCrawlDuration(Duration duration) {
    return new StandInSettings(host, port, dataDir, s3, duration, clusters, region, spectrumGlue);
  }

  public StandInSettings withClusters(Map<String, List<String>> newClusters) {
    return new StandInSettings(
        host, port, dataDir, s3, crawlDuration, newClusters, region, spectrumGlue);
  }

  /** Settings whose Redshift side reads the Data Catalog through this Glue client. */
  public StandInSettings withSpectrumGlue(GlueClient glue) {
    return new StandInSettings(host, port, dataDir, s3, crawlDuration, clusters, region, glue);
  }
}
