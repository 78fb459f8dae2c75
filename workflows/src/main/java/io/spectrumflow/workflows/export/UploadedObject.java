package io.spectrumflow.workflows.export;

/**
 * One object in S3.
 *
 * @param bucket its bucket
 * @param key its key
 * @param partitionValue its partition
 * @param rows rows in it
 * @param bytes its size
 */
public record UploadedObject(
    String bucket, String key, String partitionValue, long rows, long bytes) {

  /** {@code s3://bucket/key}, as Spectrum's {@code $path} names it. */
  public String uri() {
    return "s3://" + bucket + "/" + key;
  }
}
