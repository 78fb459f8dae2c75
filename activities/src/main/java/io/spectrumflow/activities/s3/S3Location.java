package io.spectrumflow.activities.s3;

import io.spectrumflow.workflows.export.ExportFailures;
import io.temporal.failure.ApplicationFailure;

/**
 * A bucket and key, parsed from {@code s3://bucket/key}.
 *
 * @param bucket the bucket
 * @param key the key
 */
public record S3Location(String bucket, String key) {

  /**
   * Parses an {@code s3://bucket/key} URI.
   *
   * @throws ApplicationFailure (not retryable) saying what a valid URI looks like
   */
  public static S3Location parse(String uri) {
    if (uri != null && uri.startsWith("s3://")) {
      int slash = uri.indexOf('/', 5);
      if (slash > 5 && slash < uri.length() - 1) {
        return new S3Location(uri.substring(5, slash), uri.substring(slash + 1));
      }
    }
    throw ApplicationFailure.newNonRetryableFailure(
        "input '" + uri + "' is not an S3 object URI: write it as s3://bucket/key",
        ExportFailures.INVALID_REQUEST);
  }

  /**
   * Parses an {@code s3://bucket/prefix/} URI of a folder; the key is the prefix, ending in a slash
   * (or empty for the whole bucket).
   */
  public static S3Location parsePrefix(String uri) {
    if (uri != null && uri.startsWith("s3://")) {
      int slash = uri.indexOf('/', 5);
      String bucket = slash < 0 ? uri.substring(5) : uri.substring(5, slash);
      String key = slash < 0 ? "" : uri.substring(slash + 1);
      if (!bucket.isEmpty() && (key.isEmpty() || key.endsWith("/"))) {
        return new S3Location(bucket, key);
      }
    }
    throw ApplicationFailure.newNonRetryableFailure(
        "'" + uri + "' is not an S3 folder URI: write it as s3://bucket/prefix/",
        ExportFailures.INVALID_REQUEST);
  }

  /** {@code s3://bucket/key}. */
  public String uri() {
    return "s3://" + bucket + "/" + key;
  }
}
