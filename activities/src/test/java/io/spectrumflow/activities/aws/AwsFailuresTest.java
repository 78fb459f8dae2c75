package io.spectrumflow.activities.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.export.ExportFailures;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.S3Exception;

class AwsFailuresTest {

  /** A HEAD request's error has no body, so no error code: S3's answer to HeadObject unallowed. */
  private static S3Exception withoutCode(int status) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().serviceName("S3").build())
            .build();
  }

  @Test
  void aForbiddenHeadObjectWithoutAnErrorCodeIsAccessDeniedNotRetried() {
    ApplicationFailure failure = AwsFailures.translate("S3", "HeadObject", withoutCode(403));

    assertThat(failure.getType()).isEqualTo(ExportFailures.ACCESS_DENIED);
    assertThat(failure.isNonRetryable()).isTrue();
  }

  @Test
  void anErrorWithoutACodeThatIsNotForbiddenIsLeftToRetry() {
    ApplicationFailure failure = AwsFailures.translate("S3", "HeadObject", withoutCode(503));

    assertThat(failure.isNonRetryable()).isFalse();
  }
}
