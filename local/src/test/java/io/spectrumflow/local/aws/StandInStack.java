package io.spectrumflow.local.aws;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.local.s3.EmbeddedS3;
import io.spectrumflow.local.s3.LocalAws;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Embedded S3 and the stand-in on free loopback ports, with SDK clients pointed at them. */
final class StandInStack implements AutoCloseable {

  private final EmbeddedS3 s3;
  private final S3Client standInS3;
  private final Path standInDir;
  private final UnaryOperator<StandInSettings> settings;
  private AwsStandIn standIn;
  private AwsClients clients;

  private StandInStack(
      EmbeddedS3 s3, S3Client standInS3, Path standInDir, UnaryOperator<StandInSettings> settings) {
    this.s3 = s3;
    this.standInS3 = standInS3;
    this.standInDir = standInDir;
    this.settings = settings;
  }

  static StandInStack start(Path dir) throws Exception {
    return start(dir, UnaryOperator.identity());
  }

  /** A stack whose stand-in runs with the default settings changed by {@code settings}. */
  static StandInStack start(Path dir, UnaryOperator<StandInSettings> settings) throws Exception {
    EmbeddedS3 s3 = EmbeddedS3.start(dir.resolve("s3"), 0);
    s3.contractLedger().deliberate();
    S3Client standInS3 = AwsClients.s3(LocalAws.settings(s3.endpoint(), null));
    StandInStack stack = new StandInStack(s3, standInS3, dir.resolve("stand-in"), settings);
    stack.startStandIn();
    return stack;
  }

  /** Stops the stand-in and starts a new one over the same data directory. */
  void restartStandIn() throws Exception {
    clients.close();
    standIn.close();
    startStandIn();
  }

  private void startStandIn() throws Exception {
    standIn =
        AwsStandIn.start(
            settings.apply(new StandInSettings("127.0.0.1", 0, standInDir, standInS3)));
    standIn
        .contractLedger()
        .deliberate(); // the stand-in's tests send malformed requests on purpose
    clients = new AwsClients(LocalAws.settings(s3.endpoint(), standIn.endpoint()));
  }

  AwsStandIn standIn() {
    return standIn;
  }

  GlueClient glue() {
    return clients.glue();
  }

  RedshiftDataClient redshiftData() {
    return clients.redshiftData();
  }

  RedshiftClient redshift() {
    return clients.redshift();
  }

  S3Client s3() {
    return clients.s3();
  }

  @Override
  public void close() throws Exception {
    try {
      clients.close();
      standIn.close();
      standInS3.close();
    } finally {
      s3.close();
    }
  }
}
