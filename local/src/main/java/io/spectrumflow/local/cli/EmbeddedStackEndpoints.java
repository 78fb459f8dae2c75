package io.spectrumflow.local.cli;

import io.spectrumflow.activities.aws.AwsSettings;
import java.net.URI;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whether a configuration's AWS clients reach only the embedded stack: every endpoint (S3, Glue,
 * Redshift Data, Redshift) set and on a loopback address. Anything else may be real AWS, whose
 * identity (profile, SSO, instance role) the default credential chain must find untouched.
 */
final class EmbeddedStackEndpoints {

  private EmbeddedStackEndpoints() {}

  /** True only when every endpoint is overridden and on loopback; an unset one is AWS's own. */
  static boolean only(AwsSettings aws) {
    return aws != null
        && Stream.of(
                aws.s3Endpoint(),
                aws.glueEndpoint(),
                aws.redshiftDataEndpoint(),
                aws.redshiftEndpoint())
            .allMatch(EmbeddedStackEndpoints::loopback);
  }

  /** A loopback host by its literal name, without a DNS lookup. */
  static boolean loopback(URI endpoint) {
    if (endpoint == null || endpoint.getHost() == null) {
      return false;
    }
    String host = endpoint.getHost().toLowerCase(Locale.ROOT);
    return host.equals("localhost")
        || host.matches("127(\\.\\d{1,3}){3}")
        || host.equals("[::1]")
        || host.equals("::1");
  }
}
