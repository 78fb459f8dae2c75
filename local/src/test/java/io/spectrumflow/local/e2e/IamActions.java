package io.spectrumflow.local.e2e;

import java.util.Map;

/** The IAM action of an AWS SDK call, {@code service:Operation} as the SDK names them. */
final class IamActions {

  private static final Map<String, String> PREFIXES =
      Map.of("S3", "s3", "Glue", "glue", "RedshiftData", "redshift-data", "Redshift", "redshift");
  private static final Map<String, String> S3_OPERATIONS =
      Map.of(
          "ListObjectsV2", "s3:ListBucket",
          "HeadBucket", "s3:ListBucket",
          "DeleteObjects", "s3:DeleteObject",
          "HeadObject", "s3:GetObject");

  private IamActions() {}

  static String of(String call) {
    String service = call.substring(0, call.indexOf(':'));
    String operation = call.substring(call.indexOf(':') + 1);
    if (service.equals("S3") && S3_OPERATIONS.containsKey(operation)) {
      return S3_OPERATIONS.get(operation);
    }
    String prefix = PREFIXES.get(service);
    if (prefix == null) {
      throw new IllegalArgumentException("no IAM prefix known for service " + service);
    }
    return prefix + ":" + operation;
  }
}
