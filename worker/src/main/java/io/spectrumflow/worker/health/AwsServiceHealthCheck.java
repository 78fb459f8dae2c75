package io.spectrumflow.worker.health;

import com.codahale.metrics.health.HealthCheck;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Cheap AWS calls: healthy when they answer, unhealthy with the service, the endpoint, the call and
 * AWS's own error code and text when one does not (wrong endpoint, no network, no permission).
 */
abstract class AwsServiceHealthCheck extends HealthCheck {

  private final String service;
  private final String where;

  /**
   * @param service the service as people name it, e.g. {@code S3}
   * @param endpoint the endpoint override, or null for AWS's own endpoint in the region
   * @param region the client's region
   */
  AwsServiceHealthCheck(String service, URI endpoint, String region) {
    this.service = service;
    this.where = endpoint != null ? endpoint.toString() : "AWS " + region;
  }

  /** Makes the calls, each through {@link #call}; returns what they showed. */
  protected abstract String probe();

  /** Makes one call; a failure names it. */
  protected static <T> T call(String name, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw new FailedCall(name + " failed: " + describe(e), e);
    }
  }

  @Override
  protected Result check() {
    try {
      return Result.healthy(service + " at " + where + ": " + probe());
    } catch (FailedCall e) {
      return Result.unhealthy(service + " at " + where + ": " + e.getMessage());
    }
  }

  private static String describe(SdkException e) {
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      return aws.awsErrorDetails().errorCode()
          + " (HTTP "
          + aws.statusCode()
          + "): "
          + aws.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }

  private static final class FailedCall extends RuntimeException {
    FailedCall(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
