package io.spectrumflow.local.aws.s3;

import java.net.URI;

/**
 * A folder location such as {@code s3://bucket/prefix/}, as Glue tables and crawler targets name
 * them ({@code s3a://} and {@code s3n://} are read as {@code s3://}).
 *
 * @param prefix the key prefix, empty or ending with '/'
 */
public record S3Location(String bucket, String prefix) {

  /** The location, or an exception naming it when it is not an S3 URI with a bucket. */
  public static S3Location parse(String location) throws S3ReadException {
    URI uri;
    try {
      uri = URI.create(location.replace(" ", "%20"));
    } catch (IllegalArgumentException e) {
      throw new S3ReadException("'" + location + "' is not an S3 location", e);
    }
    if (uri.getScheme() == null || !uri.getScheme().matches("s3[an]?") || uri.getHost() == null) {
      throw new S3ReadException("'" + location + "' is not an S3 location");
    }
    String prefix = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix += "/";
    }
    return new S3Location(uri.getHost(), prefix);
  }

  public String uri() {
    return "s3://" + bucket + "/" + prefix;
  }

  /** The key below this folder, e.g. {@code date=2026-11-24/part-0.parquet}. */
  public String relative(String key) {
    return key.substring(prefix.length());
  }
}
