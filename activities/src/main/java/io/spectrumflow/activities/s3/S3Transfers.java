package io.spectrumflow.activities.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /** How often a caller waiting for a multipart transfer hears that it is still going. */
  public static final Duration DEFAULT_PROGRESS_EVERY = Duration.ofSeconds(10);

  private final long partSize;
  private final Duration progressEvery;

  /**
   * @param s3 the client for single requests
   * @param multipart an {@link S3AsyncClient} built with {@code multipartEnabled(true)} and the
   *     same threshold and part size (see {@code AwsClients})
   * @param progressEvery how often a multipart transfer calls back while it runs (activities
   *     heartbeat there: a 10 GB upload outlasts their heartbeat timeout)
   */
  public S3Transfers(
      S3Client s3, S3AsyncClient multipart, long threshold, long partSize, Duration progressEvery) {
    this.s3 = s3;
    this.multipart = multipart;
    this.threshold = threshold;
    this.partSize = partSize;
    this.progressEvery = progressEvery;
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
    upload(request, file, () -> {});
  }

  /** {@link #upload(PutObjectRequest, Path)}, calling {@code stillGoing} while parts go up. */
  public void upload(PutObjectRequest request, Path file, Runnable stillGoing) {
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
            request.toBuilder().contentMD5(null).build(), AsyncRequestBody.fromFile(file)),
        stillGoing);
  }

  /** Copies an object: one CopyObject up to the threshold, a multipart copy above it. */
  public void copy(CopyObjectRequest request) {
    copy(request, () -> {});
  }

  /** {@link #copy(CopyObjectRequest)}, calling {@code stillGoing} while parts are copied. */
  public void copy(CopyObjectRequest request, Runnable stillGoing) {
    // the multipart client reads the source's size first and decides
    join(multipart.copyObject(request), stillGoing);
  }

  /** Waits, and throws what the SDK threw, as the synchronous client would. */
  private <T> T join(CompletableFuture<T> call, Runnable stillGoing) {
    while (true) {
      try {
        return call.get(progressEvery.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        stillGoing.run();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof SdkException sdk) {
          throw sdk;
        }
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new IllegalStateException("S3 transfer failed", cause);
      } catch (InterruptedException e) {
        call.cancel(true);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for an S3 transfer", e);
      }
    }
  }

  @Override
  public void close() {
    multipart.close();
  }
}
