package io.spectrumflow.local.stack;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.local.aws.AwsStandIn;
import io.spectrumflow.local.aws.StandInSettings;
import io.spectrumflow.local.aws.contract.ContractLedger;
import io.spectrumflow.local.aws.contract.ContractViolation;
import io.spectrumflow.local.s3.EmbeddedS3;
import io.spectrumflow.local.s3.LocalAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Temporal, S3 and the Glue + Redshift Data API stand-in on loopback ports, with their data under
 * one directory. Production code connects to it through ordinary endpoint settings.
 */
public final class EmbeddedStack implements AutoCloseable {

  private final EmbeddedTemporal temporal;
  private final EmbeddedS3 s3;
  private final S3Client standInS3;
  private final AwsStandIn standIn;
  private final AwsSettings aws;
  private final Path dataDir;

  private EmbeddedStack(
      EmbeddedTemporal temporal,
      EmbeddedS3 s3,
      S3Client standInS3,
      AwsStandIn standIn,
      Path dataDir) {
    this.temporal = temporal;
    this.s3 = s3;
    this.standInS3 = standInS3;
    this.standIn = standIn;
    this.dataDir = dataDir;
    this.aws = LocalAws.settings(s3.endpoint(), standIn.endpoint());
  }

  /**
   * Starts the stack.
   *
   * @param dataDir S3 buckets go to {@code s3/}, the stand-in's catalog and databases to {@code
   *     aws/}
   * @param ports the ports to bind, 0 for free ones
   */
  public static EmbeddedStack start(Path dataDir, Ports ports) throws Exception {
    EmbeddedS3 s3 = EmbeddedS3.start(dataDir.resolve("s3"), ports.s3());
    S3Client standInS3 = null;
    AwsStandIn standIn = null;
    EmbeddedTemporal temporal = null;
    try {
      standInS3 = AwsClients.s3(LocalAws.settings(s3.endpoint(), null));
      standIn =
          AwsStandIn.start(
              new StandInSettings("127.0.0.1", ports.aws(), dataDir.resolve("aws"), standInS3)
                  .withCrawlDuration(ports.crawlDuration())
                  .withClusters(
                      Map.of(
                          LocalAws.CLUSTER, List.of(LocalAws.SPECTRUM_ROLE),
                          LocalAws.WORKGROUP, List.of(LocalAws.SPECTRUM_ROLE))));
      temporal = EmbeddedTemporal.start(ports.temporal());
      return new EmbeddedStack(temporal, s3, standInS3, standIn, dataDir);
    } catch (Exception | Error e) {
      closeAll(temporal, standIn, standInS3, s3);
      throw e;
    }
  }

  /** Starts the stack on free ports. */
  public static EmbeddedStack start(Path dataDir) throws Exception {
    return start(dataDir, Ports.FREE);
  }

  public String temporalTarget() {
    return temporal.target();
  }

  /** The in-process AWS stand-in, e.g. for the Glue faults tests turn on. */
  public AwsStandIn standIn() {
    return standIn;
  }

  /** Settings that point AWS clients at this stack. */
  public AwsSettings aws() {
    return aws;
  }

  /** The configuration sections that point a worker or starter at this stack. */
  public String clientSettingsYaml() {
    return ClientSettingsYaml.of(temporalTarget(), aws);
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Requests to S3 and the stand-in that broke AWS's contract (each was answered with a 400). */
  public List<ContractViolation> contractViolations() {
    List<ContractViolation> violations = new ArrayList<>();
    contractLedgers().forEach(ledger -> violations.addAll(ledger.violations()));
    return violations;
  }

  /** The contract ledgers of the stand-in and of S3. */
  public List<ContractLedger> contractLedgers() {
    return List.of(standIn.contractLedger(), s3.contractLedger());
  }

  @Override
  public void close() throws Exception {
    closeAll(temporal, standIn, standInS3, s3);
  }

  private static void closeAll(AutoCloseable... parts) throws Exception {
    Exception first = null;
    for (AutoCloseable part : parts) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Ports for the stack's servers; 0 means a free one.
   *
   * @param temporal the Temporal frontend
   * @param s3 the S3 server
   * @param aws the Glue + Redshift Data API stand-in
   * @param crawlDuration how long a Glue crawl takes, from start back to READY
   */
  public record Ports(int temporal, int s3, int aws, Duration crawlDuration) {
    public static final Ports FREE = new Ports(0, 0, 0);

    public Ports(int temporal, int s3, int aws) {
      this(temporal, s3, aws, StandInSettings.DEFAULT_CRAWL_DURATION);
    }

    /** The same ports with crawls of another length (tests want them short). */
    public Ports withCrawlDuration(Duration duration) {
      return new Ports(temporal, s3, aws, duration);
    }
  }
}
