package io.spectrumflow.local.s3;

import io.spectrumflow.activities.aws.AwsSettings;
import java.net.URI;

/** AWS settings and credentials for the embedded stack. */
public final class LocalAws {

  /** The region the embedded stack answers for. */
  public static final String REGION = "us-east-1";

  /** The provisioned cluster the embedded stack's Redshift side answers as. */
  public static final String CLUSTER = "spectrumflow-local";

  /** The Serverless workgroup the embedded stack's Redshift side also answers as. */
  public static final String WORKGROUP = "spectrumflow-serverless";

  /** The role associated with both, as an administrator would have done it. */
  public static final String SPECTRUM_ROLE = "arn:aws:iam::000000000000:role/spectrumflow-spectrum";

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
