package io.spectrumflow.activities.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes objects of any size. One PutObject or CopyObject writes at most 5 GB (AWS docs), while
 * inputs and Parquet parts may be larger: objects above {@link #threshold()} go as multipart
 * uploads and copies, by the SDK's own multipart client. Its parts are {@link #partSize()} (64 MiB
 * by default); for an object that would need more than S3's 10,000 parts of that size (above 640
 * GiB) the SDK makes them size / 10,000.
 */
public final class S3Transfers implements AutoCloseable {

  /** Objects above this go multipart: 64 MiB, far below S3's 5 GB for a single request. */
  public static final long DEFAULT_THRESHOLD_BYTES = 64L * 1024 * 1024;

  /** The smallest part: 64 MiB, so 10,000 parts hold 640 GiB before the SDK grows them. */
  public static final long DEFAULT_PART_BYTES = 64L * 1024 * 1024;

  private final S3Client s3;
  private final S3AsyncClient multipart;
  private final long threshold;
  private final long partSize;

  /**
   * @param s3 the client for single requests
   * @param multipart an {@link S3AsyncClient} built with {@code multipartEnabled(true)} and the
   *     same threshold and part size (see {@code AwsClients})
   */
  public S3Transfers(S3Client s3, S3AsyncClient multipart, long threshold, long partSize) {
    this.s3 = s3;
    this.multipart = multipart;
    this.threshold = threshold;
    this.partSize = partSize;
  }

  public long threshold() {
    return threshold;
  }

  public long partSize() {
    return partSize;
  }

  /** Whether an object of this size is written in parts. */
  public boolean isMultipart(long bytes) {
    return bytes > threshold;
  }

  /**
   * Puts a file: one PutObject (with the request's Content-MD5, if any) up to the threshold, a
   * multipart upload above it (Content-MD5 covers one request's body, so it is left out there).
   */
  public void upload(PutObjectRequest request, Path file) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " to upload it", e);
    }
    if (!isMultipart(size)) {
      s3.putObject(request, RequestBody.fromFile(file));
      return;
    }
    join(
        multipart.putObject(
            request.toBuilder().contentMD5(null).build(), AsyncRequestBody.fromFile(file)));
  }

  /** Copies an object: one CopyObject up to the threshold, a multipart copy above it. */
  public void copy(CopyObjectRequest request) {
    // the multipart client reads the source's size first and decides
    join(multipart.copyObject(request));
  }

  /** Waits, and throws what the SDK threw, as the synchronous client would. */
  private static <T> T join(CompletableFuture<T> call) {
    try {
      return call.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SdkException sdk) {
        throw sdk;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    multipart.close();
  }
}
