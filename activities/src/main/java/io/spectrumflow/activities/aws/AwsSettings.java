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
 */
public record AwsSettings(
    String region,
    URI s3Endpoint,
    URI glueEndpoint,
    URI redshiftDataEndpoint,
    URI redshiftEndpoint,
    boolean s3PathStyle) {

  /** Real AWS in a region. */
  public static AwsSettings aws(String region) {
    return new AwsSettings(region, null, null, null, null, false);
  }
}
