package io.spectrumflow.activities.aws;

import io.spectrumflow.workflows.export.ExportFailures;
import io.temporal.failure.ApplicationFailure;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Translates AWS SDK exceptions at the activity boundary: what retrying cannot fix (no permission,
 * missing bucket, invalid input) becomes a non-retryable {@link ApplicationFailure} naming the
 * service and the call; anything else (throttling, 5xx, network) is left for Temporal to retry.
 */
public final class AwsFailures {

  private static final Set<String> ACCESS_DENIED =
      Set.of(
          "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "InvalidAccessKeyId");
  private static final Set<String> NOT_FOUND =
      Set.of("NoSuchBucket", "NoSuchKey", "EntityNotFoundException", "ResourceNotFoundException");
  private static final Set<String> INVALID =
      Set.of("InvalidInputException", "ValidationException", "InvalidParameterValue");

  private AwsFailures() {}

  /**
   * The failure to throw for an SDK exception from {@code service}'s {@code call}.
   *
   * @return a non-retryable ApplicationFailure, or a retryable one carrying the SDK's message
   */
  public static ApplicationFailure translate(String service, String call, SdkException e) {
    String message = service + " " + call + " failed: " + describe(e);
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      String code = java.util.Objects.requireNonNullElse(aws.awsErrorDetails().errorCode(), "");
      if (ACCESS_DENIED.contains(code) || aws.statusCode() == 403) {
        return ApplicationFailure.newNonRetryableFailure(
            message + ". Grant the worker's role this permission (see `spectrumflow iam-policy`).",
            ExportFailures.ACCESS_DENIED);
      }
      if (NOT_FOUND.contains(code)) {
        return ApplicationFailure.newNonRetryableFailure(message, ExportFailures.NOT_FOUND);
      }
      if (INVALID.contains(code)) {
        return ApplicationFailure.newNonRetryableFailure(message, ExportFailures.INVALID_REQUEST);
      }
    }
    return ApplicationFailure.newFailure(message, "AwsCallFailed");
  }

  /** The error code and status, then the message, which {@link CallNaming} began with the call. */
  private static String describe(SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return aws.awsErrorDetails().errorCode() + " (" + aws.statusCode() + "): " + aws.getMessage();
    }
    return e.getMessage();
  }
}
