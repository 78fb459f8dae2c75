package io.spectrumflow.activities.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Waiting for a multipart transfer: the caller hears that it is still going (activities heartbeat
 * there), and a failure is the SDK's own exception, as from the synchronous client. The S3 client
 * is a stand-in at the SDK's seam; the real multipart path runs against the embedded S3 in module
 * local (LargeObjectsTest).
 */
class S3TransfersTest {

  @TempDir Path dir;

  /** An async client whose putObject answers after {@code millis} with {@code outcome}. */
  private static S3AsyncClient answeringAfter(long millis, Throwable failure) {
    return new S3AsyncClient() {
      @Override
      public CompletableFuture<PutObjectResponse> putObject(
          PutObjectRequest request, AsyncRequestBody body) {
        CompletableFuture<PutObjectResponse> answer = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS)
            .execute(
                () -> {
                  if (failure == null) {
                    answer.complete(PutObjectResponse.builder().build());
                  } else {
                    answer.completeExceptionally(failure);
                  }
                });
        return answer;
      }

      @Override
      public String serviceName() {
        return "s3";
      }

      @Override
      public void close() {}
    };
  }

  private Path file(int bytes) throws Exception {
    return Files.write(dir.resolve("part-" + bytes), new byte[bytes]);
  }

  @Test
  void aLongMultipartUploadCallsBackWhileItRuns() throws Exception {
    S3Transfers transfers =
        new S3Transfers(null, answeringAfter(600, null), 10, 10, Duration.ofMillis(50));
    AtomicInteger stillGoing = new AtomicInteger();

    transfers.upload(
        PutObjectRequest.builder().bucket("b").key("k").build(),
        file(100),
        stillGoing::incrementAndGet);

    assertThat(stillGoing.get()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void aFailedMultipartUploadThrowsTheSdksException() throws Exception {
    S3Exception refused =
        (S3Exception) S3Exception.builder().message("Access Denied").statusCode(403).build();
    S3Transfers transfers =
        new S3Transfers(null, answeringAfter(10, refused), 10, 10, Duration.ofMillis(50));

    assertThatThrownBy(
            () ->
                transfers.upload(
                    PutObjectRequest.builder().bucket("b").key("k").build(), file(100)))
        .isSameAs(refused);
  }
}
