package io.spectrumflow.local.aws;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.local.aws.contract.ContractLedger;
import io.spectrumflow.local.aws.glue.GlueCatalog;
import io.spectrumflow.local.aws.glue.GlueFaults;
import io.spectrumflow.local.aws.glue.GlueService;
import io.spectrumflow.local.aws.glue.crawler.GlueCrawlerOperations;
import io.spectrumflow.local.aws.glue.crawler.GlueCrawlers;
import io.spectrumflow.local.aws.http.AwsHttpServer;
import io.spectrumflow.local.aws.redshift.RedshiftDataService;
import io.spectrumflow.local.aws.redshift.clusters.RedshiftClusterService;
import io.spectrumflow.local.aws.redshift.clusters.RedshiftClusters;
import io.spectrumflow.local.aws.redshift.sql.GlueApiSpectrumCatalog;
import io.spectrumflow.local.aws.redshift.sql.InProcessSpectrumCatalog;
import io.spectrumflow.local.aws.redshift.sql.RedshiftEngine;
import io.spectrumflow.local.aws.redshift.sql.RoleAssociation;
import io.spectrumflow.local.aws.s3.S3ObjectCache;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * AWS Glue (catalog and crawlers), the Redshift Data API (AWS JSON 1.1) and Redshift's own API (AWS
 * Query protocol) on one local port, so that production code runs against it with only an endpoint
 * override. Glue's catalog is kept in {@code dataDir/glue/}, its crawlers in {@code
 * dataDir/glue-crawlers/}; Redshift databases are DuckDB files under {@code
 * dataDir/redshift/databases/}, whose external schemas (and crawlers) read S3 through {@code
 * dataDir/redshift/s3-cache/}; IAM role changes of clusters are in {@code
 * dataDir/redshift/clusters.json}.
 */
public final class AwsStandIn implements AutoCloseable {

  /** The port {@link #main} listens on unless STANDIN_PORT says otherwise (LocalStack's). */
  public static final int DEFAULT_PORT = 4566;

  private static final Logger LOG = LoggerFactory.getLogger(AwsStandIn.class);

  private final AwsHttpServer server;
  private final GlueCrawlers crawlers;
  private final RedshiftDataService redshiftData;
  private final RedshiftEngine engine;
  private final GlueFaults glueFaults;

  private AwsStandIn(
      AwsHttpServer server,
      GlueCrawlers crawlers,
      RedshiftDataService redshiftData,
      RedshiftEngine engine,
      GlueFaults glueFaults) {
    this.server = server;
    this.glueFaults = glueFaults;
    this.crawlers = crawlers;
    this.redshiftData = redshiftData;
    this.engine = engine;
  }

  /**
   * Starts the stand-in. With {@link StandInSettings#clusters()} set, only those clusters exist and
   * CREATE EXTERNAL SCHEMA may only use their associated roles; without, anything goes.
   */
  public static AwsStandIn start(StandInSettings settings) throws IOException {
    return start(settings, null);
  }

  /**
   * Starts the stand-in with another check of the IAM roles statements use than the one of the
   * settings' clusters, e.g. {@link RoleAssociation#ANY}.
   *
   * @param roles the check, or null for the settings' clusters and their associated roles
   */
  public static AwsStandIn start(StandInSettings settings, RoleAssociation roles)
      throws IOException {
    Path dataDir = settings.dataDir();
    Files.createDirectories(dataDir);
    Clock clock = Clock.systemUTC();
    GlueCatalog catalog = new GlueCatalog(dataDir.resolve("glue"), clock);
    S3ObjectCache cache = new S3ObjectCache(settings.s3(), dataDir.resolve("redshift/s3-cache"));
    RedshiftClusters clusters =
        new RedshiftClusters(
            dataDir.resolve("redshift/clusters.json"),
            settings.clusters(),
            settings.region(),
            clock.instant());
    RedshiftEngine engine =
        new RedshiftEngine(
            dataDir.resolve("redshift"),
            settings.spectrumGlue() == null
                ? new InProcessSpectrumCatalog(catalog)
                : new GlueApiSpectrumCatalog(settings.spectrumGlue()),
            cache,
            roles == null ? clusters : roles);
    RedshiftDataService redshiftData = new RedshiftDataService(engine, clock, clusters);
    GlueCrawlers crawlers =
        new GlueCrawlers(
            dataDir.resolve("glue-crawlers"), catalog, cache, settings.crawlDuration(), clock);
    GlueFaults glueFaults = new GlueFaults();
    try {
      AwsHttpServer server =
          AwsHttpServer.start(
              settings.host(),
              settings.port(),
              List.of(
                  GlueService.of(
                      catalog, glueFaults, new GlueCrawlerOperations(crawlers).operations()),
                  redshiftData.service()),
              List.of(new RedshiftClusterService(clusters).service()));
      return new AwsStandIn(server, crawlers, redshiftData, engine, glueFaults);
    } catch (IOException | RuntimeException e) {
      crawlers.close();
      redshiftData.close();
      engine.close();
      throw e;
    }
  }

  /** The Glue faults tests turn on (test-only; see {@link GlueFaults}). */
  public GlueFaults glueFaults() {
    return glueFaults;
  }

  /** Where clients connect, e.g. {@code http://127.0.0.1:4566}. */
  public URI endpoint() {
    return server.endpoint();
  }

  /** The requests checked against AWS's service models and the violations found. */
  public ContractLedger contractLedger() {
    return server.contractLedger();
  }

  /**
   * Stops the server, running crawls and statements and closes DuckDB; the data stays in dataDir.
   */
  @Override
  public void close() {
    server.close();
    crawlers.close();
    redshiftData.close();
    engine.close();
  }

  /**
   * Runs the stand-in until the process is killed. Environment: STANDIN_HOST (default 0.0.0.0),
   * STANDIN_PORT (default 4566), STANDIN_DATA_DIR (default ./data/aws-stand-in), S3_ENDPOINT (the
   * S3 server crawlers and Spectrum queries read, path-style; unset for AWS S3), AWS_REGION
   * (default us-east-1), STANDIN_CRAWL_SECONDS (default 3), STANDIN_CLUSTERS (e.g. {@code
   * my-cluster=arn:aws:iam::123456789012:role/spectrum,arn2;other=}; unset: any cluster, any role),
   * SPECTRUM_GLUE_ENDPOINT (another Glue the Redshift side reads the Data Catalog from, e.g.
   * moto's; unset: the stand-in's own); S3 and Glue credentials from the default chain.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    String s3Endpoint = env.get("S3_ENDPOINT");
    AwsSettings s3Settings =
        new AwsSettings(
            env.getOrDefault("AWS_REGION", "us-east-1"),
            s3Endpoint == null || s3Endpoint.isBlank() ? null : URI.create(s3Endpoint),
            null,
            null,
            null,
            true);
    S3Client s3 = AwsClients.s3(s3Settings);
    StandInSettings settings =
        new StandInSettings(
            env.getOrDefault("STANDIN_HOST", "0.0.0.0"),
            Integer.parseInt(env.getOrDefault("STANDIN_PORT", String.valueOf(DEFAULT_PORT))),
            Path.of(env.getOrDefault("STANDIN_DATA_DIR", "data/aws-stand-in")),
            s3,
            Duration.ofMillis(
                Math.round(
                    Double.parseDouble(env.getOrDefault("STANDIN_CRAWL_SECONDS", "3")) * 1000)),
            ClusterSettings.parse(env.getOrDefault("STANDIN_CLUSTERS", "")),
            env.getOrDefault("AWS_REGION", StandInSettings.DEFAULT_REGION));
    String spectrumGlue = env.get("SPECTRUM_GLUE_ENDPOINT");
    GlueClient glue =
        spectrumGlue == null || spectrumGlue.isBlank()
            ? null
            : GlueClient.builder()
                .region(Region.of(settings.region()))
                .endpointOverride(URI.create(spectrumGlue))
                .build();
    AwsStandIn standIn = start(settings.withSpectrumGlue(glue));
    LOG.info(
        "Glue + Redshift stand-in on {}, data in {}",
        standIn.endpoint(),
        settings.dataDir().toAbsolutePath());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  standIn.close();
                  s3.close();
                  if (glue != null) {
                    glue.close();
                  }
                  stopped.countDown();
                }));
    stopped.await();
  }
}
