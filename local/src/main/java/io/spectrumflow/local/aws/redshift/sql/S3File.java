package io.spectrumflow.local.aws.redshift.sql;

/** An object Spectrum would read, as listed: where it is, its ETag and size. */
record S3File(String bucket, String key, String etag, long size) {

  String uri() {
    return "s3://" + bucket + "/" + key;
  }
}
