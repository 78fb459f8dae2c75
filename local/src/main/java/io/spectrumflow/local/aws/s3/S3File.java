package io.spectrumflow.local.aws.s3;

/** An object as listed: where it is, its ETag and size. */
public record S3File(String bucket, String key, String etag, long size) {

  public String uri() {
    return "s3://" + bucket + "/" + key;
  }
}
