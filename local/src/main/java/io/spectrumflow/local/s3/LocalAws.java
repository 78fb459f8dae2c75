package io.spectrumflow.local.s3;

import io.spectrumflow.activities.aws.AwsSettings;
import java.net.URI;

/** AWS settings and credentials for the embedded stack. */
public final class LocalAws {

  /** The region the embedded stack answers for. */
  public static final String REGION = "us-east-1";

  private LocalAws() {}

  /**
   * Settings that point every client at the embedded stack.
   *
   * @param s3Endpoint the embedded S3 server
   * @param standInEndpoint the Glue + Redshift Data API stand-in, or null when not running
   */
  public static AwsSettings settings(URI s3Endpoint, URI standInEndpoint) {
    useLocalCredentials();
    return new AwsSettings(
        REGION, s3Endpoint, standInEndpoint, standInEndpoint, standInEndpoint, true);
  }

  /**
   * Makes the default credential chain answer with the embedded S3 server's keys. System properties
   * come first in that chain, so real AWS credentials in the environment are never sent to the
   * local stack.
   */
  public static void useLocalCredentials() {
    System.setProperty("aws.accessKeyId", EmbeddedS3.ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", EmbeddedS3.SECRET_KEY);
    System.setProperty("aws.region", REGION);
  }
}
