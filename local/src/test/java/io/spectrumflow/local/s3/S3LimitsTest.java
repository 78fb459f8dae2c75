package io.spectrumflow.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.spectrumflow.activities.aws.AwsClients;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The embedded S3 refuses what AWS S3 refuses, and fails deletions per key when told to. */
class S3LimitsTest {

  private static final String BUCKET = "lake";

  @TempDir Path dir;
  private EmbeddedS3 server;
  private S3Client s3;

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedS3.start(dir, 0);
    s3 = AwsClients.s3(LocalAws.settings(server.endpoint(), null));
    s3.createBucket(b -> b.bucket(BUCKET));
  }

  @AfterEach
  void stop() throws Exception {
    s3.close();
    server.close();
  }

  @Test
  void theDefaultSingleRequestLimitIsS3s() {
    assertThat(server.limits().singleRequestMaxBytes()).isEqualTo(5L * 1024 * 1024 * 1024);
  }

  @Test
  void aPutObjectAboveTheLimitIsEntityTooLarge() {
    server.limits().singleRequestMaxBytes(1024 * 1024);

    s3.putObject(b -> b.bucket(BUCKET).key("fits"), RequestBody.fromBytes(new byte[1024 * 1024]));
    assertThatThrownBy(
            () ->
                s3.putObject(
                    b -> b.bucket(BUCKET).key("big"),
                    RequestBody.fromBytes(new byte[1024 * 1024 + 1])))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooLarge");
            });
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents())
        .extracting(o -> o.key())
        .containsExactly("fits");
  }

  @Test
  void aCopyObjectOfASourceAboveTheLimitIsEntityTooLarge() {
    s3.putObject(b -> b.bucket(BUCKET).key("small"), RequestBody.fromBytes(new byte[1000]));
    s3.putObject(b -> b.bucket(BUCKET).key("big"), RequestBody.fromBytes(new byte[3000]));
    server.limits().singleRequestMaxBytes(2000);

    s3.copyObject(
        b ->
            b.sourceBucket(BUCKET)
                .sourceKey("small")
                .destinationBucket(BUCKET)
                .destinationKey("small-copy"));
    assertThatThrownBy(
            () ->
                s3.copyObject(
                    b ->
                        b.sourceBucket(BUCKET)
                            .sourceKey("big")
                            .destinationBucket(BUCKET)
                            .destinationKey("big-copy")))
        .isInstanceOfSatisfying(
            S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityTooLarge"));
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents())
        .extracting(o -> o.key())
        .containsExactlyInAnyOrder("small", "big", "small-copy");
  }

  @Test
  void aDeleteObjectsOfMoreThan1000KeysIsRefused() {
    List<ObjectIdentifier> keys = new ArrayList<>();
    for (int i = 0; i <= 1000; i++) {
      keys.add(ObjectIdentifier.builder().key("k" + i).build());
    }
    assertThatThrownBy(
            () -> s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(keys).quiet(true))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));

    server.limits().failDeletes(key -> false, "InternalError", 1);
    assertThatThrownBy(
            () -> s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(keys).quiet(true))))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
  }

  @Test
  void theFaultModeAnswersPerKeyErrorsAndKeepsThoseObjects() {
    for (String key : List.of("a", "b", "c")) {
      s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
    }
    server.limits().failDeletes(key -> key.equals("b"), "InternalError", 1);
    List<ObjectIdentifier> all =
        List.of("a", "b", "c").stream()
            .map(k -> ObjectIdentifier.builder().key(k).build())
            .toList();

    DeleteObjectsResponse first =
        s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(all).quiet(true)));

    assertThat(first.errors())
        .extracting(S3Error::key, S3Error::code)
        .containsExactly(tuple("b", "InternalError"));
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents())
        .extracting(o -> o.key())
        .containsExactly("b");

    DeleteObjectsResponse second =
        s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(all).quiet(false)));
    assertThat(second.errors()).isEmpty();
    assertThat(s3.listObjectsV2(b -> b.bucket(BUCKET)).contents()).isEmpty();
  }
}
