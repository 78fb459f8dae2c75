package io.spectrumflow.activities.s3;

import io.spectrumflow.workflows.export.ExportFailures;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * Deletes objects with DeleteObjects, at most 1000 keys a call (AWS docs), and reads what each call
 * answers: S3 answers HTTP 200 even when some keys were not deleted, and lists those under {@code
 * Errors}. Keys that failed with a code worth retrying are asked again a few times; what is left is
 * returned, or thrown by {@link #deleteAll}.
 */
public final class ObjectDeletions {

  /** The most keys one DeleteObjects may name (AWS docs). */
  public static final int MAX_KEYS_PER_CALL = 1000;

  /** The failure type of deletions that did not all succeed. */
  public static final String DELETE_FAILED = "S3DeleteFailed";

  /** Per-key codes that a later attempt may not meet again. AccessDenied is not one of them. */
  private static final Set<String> RETRYABLE =
      Set.of(
          "InternalError", "SlowDown", "ServiceUnavailable", "RequestTimeout", "OperationAborted");

  private static final int ATTEMPTS = 4;
  private static final Duration FIRST_WAIT = Duration.ofMillis(200);

  /** A key S3 did not delete, and why. */
  public record NotDeleted(String key, String code, String message) {
    boolean retryable() {
      return RETRYABLE.contains(code);
    }

    @Override
    public String toString() {
      return key + " (" + code + (message == null ? "" : ": " + message) + ")";
    }
  }

  private final S3Client s3;

  public ObjectDeletions(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * Deletes the keys, retrying the keys that failed with a retryable code.
   *
   * @return the keys that are still there, with S3's code for each; empty when all are deleted
   */
  public List<NotDeleted> delete(String bucket, List<String> keys) {
    List<NotDeleted> kept = new ArrayList<>(); // codes that retrying does not fix
    List<NotDeleted> retryable = List.of();
    List<String> left = keys;
    Duration wait = FIRST_WAIT;
    for (int attempt = 1; attempt <= ATTEMPTS && !left.isEmpty(); attempt++) {
      if (attempt > 1) {
        sleep(wait);
        wait = wait.multipliedBy(2);
      }
      List<NotDeleted> failed = deleteOnce(bucket, left);
      failed.stream().filter(f -> !f.retryable()).forEach(kept::add);
      retryable = failed.stream().filter(NotDeleted::retryable).toList();
      left = retryable.stream().map(NotDeleted::key).toList();
    }
    kept.addAll(retryable);
    return kept;
  }

  /**
   * Deletes the keys, or throws naming each key that is still there and S3's code for it.
   *
   * @param what what the keys are, for the failure message (e.g. "objects of failed batch b1")
   * @throws ApplicationFailure non-retryable {@link ExportFailures#ACCESS_DENIED} when a key was
   *     refused for lack of permission, non-retryable {@link #DELETE_FAILED} for other codes that
   *     retrying does not fix, and retryable {@link #DELETE_FAILED} when only retryable codes were
   *     left after the retries
   */
  public void deleteAll(String bucket, List<String> keys, String what) {
    List<NotDeleted> failed = delete(bucket, keys);
    if (failed.isEmpty()) {
      return;
    }
    String message =
        "S3 DeleteObjects did not delete "
            + failed.size()
            + " of the "
            + keys.size()
            + " "
            + what
            + " in bucket "
            + bucket
            + ": "
            + failed.stream().limit(20).map(NotDeleted::toString).collect(Collectors.joining(", "))
            + (failed.size() > 20 ? ", ..." : "");
    if (failed.stream().anyMatch(f -> f.code().equals("AccessDenied"))) {
      throw ApplicationFailure.newNonRetryableFailure(
          message
              + ". Grant the worker's role s3:DeleteObject on these keys (see `spectrumflow"
              + " iam-policy`), then run again.",
          ExportFailures.ACCESS_DENIED);
    }
    if (failed.stream().anyMatch(f -> !f.retryable())) {
      throw ApplicationFailure.newNonRetryableFailure(message, DELETE_FAILED);
    }
    throw ApplicationFailure.newFailure(message + " (still failing after retries)", DELETE_FAILED);
  }

  private List<NotDeleted> deleteOnce(String bucket, List<String> keys) {
    List<NotDeleted> failed = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_CALL) {
      List<ObjectIdentifier> chunk =
          keys.subList(from, Math.min(from + MAX_KEYS_PER_CALL, keys.size())).stream()
              .map(k -> ObjectIdentifier.builder().key(k).build())
              .toList();
      DeleteObjectsResponse answer =
          s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(chunk).quiet(true)));
      for (S3Error error : answer.errors()) {
        failed.add(new NotDeleted(error.key(), error.code(), error.message()));
      }
    }
    return failed;
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a deletion", e);
    }
  }
}
