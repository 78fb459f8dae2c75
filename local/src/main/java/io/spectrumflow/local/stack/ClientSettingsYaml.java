package io.spectrumflow.local.stack;

import io.spectrumflow.activities.aws.AwsSettings;

/**
 * The {@code temporal:} and {@code aws:} sections of a worker or starter configuration file that
 * point the application at a Temporal target and AWS endpoints, such as the embedded stack's.
 */
public final class ClientSettingsYaml {

  private ClientSettingsYaml() {}

  /** The two sections, unindented, without a final line break. */
  public static String of(String temporalTarget, AwsSettings aws) {
    return """
        temporal:
          target: "%s"
        aws:
          region: %s
          s3Endpoint: %s
          glueEndpoint: %s
          redshiftDataEndpoint: %s
          redshiftEndpoint: %s
          s3PathStyle: %s"""
        .formatted(
            temporalTarget,
            aws.region(),
            aws.s3Endpoint(),
            aws.glueEndpoint(),
            aws.redshiftDataEndpoint(),
            aws.redshiftEndpoint(),
            aws.s3PathStyle());
  }
}
