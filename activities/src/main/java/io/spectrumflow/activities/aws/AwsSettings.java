package io.spectrumflow.activities.aws;

import java.net.URI;

/**
 * Where the AWS clients connect. Endpoints are null against real AWS; the embedded stack and
 * docker-compose set them to S3Proxy/MinIO and the Glue + Redshift Data API stand-in. Credentials
 * always come from the default provider chain (environment, profile, instance role).
 *
 * @param region the region, e.g. {@code us-east-1}
 * @param s3Endpoint S3 endpoint override, or null
 * @param glueEndpoint Glue endpoint override, or null
 * @param redshiftDataEndpoint Redshift Data API endpoint override, or null
 * @param redshiftEndpoint Redshift (cluster API) endpoint override, or null
 * @param s3PathStyle path-style S3 addressing, which S3Proxy and MinIO need
 * @param attemptTimeoutSeconds how long one attempt of an AWS call may take before it is abandoned
 *     and retried (the SDK retries, then Temporal); null for the default of 60
 */
public record AwsSettings(
    String region,
    URI s3Endpoint,
    URI glueEndpoint,
    URI redshiftDataEndpoint,
    URI redshiftEndpoint,
    boolean s3PathStyle,
    Integer attemptTimeoutSeconds) {

  /** Settings with the default attempt timeout. */
  public AwsSettings(
      String region,
      URI s3Endpoint,
      URI glueEndpoint,
      URI redshiftDataEndpoint,
      URI redshiftEndpoint,
      boolean s3PathStyle) {
    this(
        region,
        s3Endpoint,
        glueEndpoint,
        redshiftDataEndpoint,
        redshiftEndpoint,
        s3PathStyle,
        null);
  }

  /** The attempt timeout to configure the clients with. */
  public java.time.Duration attemptTimeout() {
    return java.time.Duration.ofSeconds(attemptTimeoutSeconds == null ? 60 : attemptTimeoutSeconds);
  }

  /** Real AWS in a region. */
  public static AwsSettings aws(String region) {
    return new AwsSettings(region, null, null, null, null, false);
  }
}
