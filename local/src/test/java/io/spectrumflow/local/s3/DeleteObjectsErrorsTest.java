package io.spectrumflow.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.s3.BatchObjects;
import io.spectrumflow.activities.s3.ObjectDeletions;
import io.spectrumflow.activities.s3.ObjectKeys;
import io.spectrumflow.activities.s3.ObjectOwner;
import io.spectrumflow.activities.s3.ReplacedObjects;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.starter.staging.BodyDigest;
import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.export.PruneRequest;
import io.spectrumflow.workflows.export.RemoveBatchRequest;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.schedule.StagedBatch;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * DeleteObjects answers HTTP 200 also when keys were not deleted, naming them under {@code Errors}:
 * each of our deletion paths reads them, retries what is worth retrying, and never reports a key S3
 * kept as deleted.
 */
class DeleteObjectsErrorsTest {

  private static final String BATCH_TIME = "2026-11-20T10:00:00.123456Z";
  private static final ObjectOwner RUN = new ObjectOwner("mine", "export-mine-b-1", "run-a");

  @TempDir Path dir;
  private EmbeddedS3 server;
  private S3Client s3;
  private PipelineSpec pipeline;

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedS3.start(dir.resolve("s3"), 0);
    s3 = AwsClients.s3(LocalAws.settings(server.endpoint(), null));
    s3.createBucket(b -> b.bucket("lake"));
    pipeline =
        RunningStack.pipeline(
            dir,
            "mine",
            """
            pipelines:
              mine:
                format: ndjson
                storage: {bucket: lake, prefix: owned, mode: replace-partitions}
                partition: {field: ts}
                catalog: {database: owned, table: events}
                redshift:
                  clusterIdentifier: spectrumflow-local
                  dbUser: awsuser
                  iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
            """);
  }

  @AfterEach
  void stop() throws Exception {
    s3.close();
    server.close();
  }

  /** Objects 0..count-1 of batch b-1 in 2026-11-20, written by {@link #RUN}. */
  private List<String> writeBatch(int count) {
    ObjectKeys keys = new ObjectKeys(pipeline, "b-1", BATCH_TIME);
    List<String> written = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = keys.key("2026-11-20", i);
      s3.putObject(
          b -> b.bucket("lake").key(key).metadata(RUN.metadata()), RequestBody.fromString("x"));
      written.add(key);
    }
    return written;
  }

  private List<String> keys() {
    return s3.listObjectsV2Paginator(b -> b.bucket("lake")).contents().stream()
        .map(S3Object::key)
        .sorted()
        .toList();
  }

  private int removeBatch() {
    return new BatchObjects(s3)
        .remove(new RemoveBatchRequest(pipeline, "b-1", BATCH_TIME, List.of("2026-11-20")), RUN);
  }

  @Test
  void aKeyThatFailsOnceWithARetryableCodeIsDeletedOnRetry() {
    List<String> written = writeBatch(3);
    server.limits().failDeletes(written.get(1)::equals, "InternalError", 1);

    assertThat(removeBatch()).isEqualTo(3);
    assertThat(keys()).isEmpty();
  }

  @Test
  void aKeyRefusedForPermissionFailsTheRemovalNamingKeyAndCode() {
    List<String> written = writeBatch(3);
    server.limits().failDeletes(written.get(2)::equals, "AccessDenied", Integer.MAX_VALUE);

    assertThatThrownBy(this::removeBatch)
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            e -> {
              assertThat(e.getType()).isEqualTo(ExportFailures.ACCESS_DENIED);
              assertThat(e.isNonRetryable()).isTrue();
              assertThat(e.getOriginalMessage()).contains(written.get(2), "AccessDenied");
            });
    assertThat(keys()).containsExactly(written.get(2));
  }

  @Test
  void aKeyRefusedWhileAnotherIsRetriedIsStillReported() {
    List<String> written = writeBatch(3);
    server
        .limits()
        .failDeletes(written.get(0)::equals, "AccessDenied", Integer.MAX_VALUE)
        .failDeletes(written.get(1)::equals, "InternalError", 1);

    assertThatThrownBy(this::removeBatch)
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            e -> {
              assertThat(e.getType()).isEqualTo(ExportFailures.ACCESS_DENIED);
              assertThat(e.getOriginalMessage())
                  .contains(written.get(0), "AccessDenied")
                  .doesNotContain(written.get(1));
            });
    assertThat(keys()).containsExactly(written.get(0));
  }

  @Test
  void aKeyThatKeepsFailingWithARetryableCodeFailsTheRemovalRetryably() {
    List<String> written = writeBatch(2);
    server.limits().failDeletes(written.get(0)::equals, "SlowDown", Integer.MAX_VALUE);

    assertThatThrownBy(this::removeBatch)
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            e -> {
              assertThat(e.getType()).isEqualTo(ObjectDeletions.DELETE_FAILED);
              assertThat(e.isNonRetryable()).isFalse();
              assertThat(e.getOriginalMessage()).contains(written.get(0), "SlowDown");
            });
    assertThat(keys()).containsExactly(written.get(0));
  }

  @Test
  void pruningAReplacedVersionFailsWhenAKeyIsKept() {
    List<String> written = writeBatch(2);
    server.limits().failDeletes(written.get(1)::equals, "AccessDenied", Integer.MAX_VALUE);

    assertThatThrownBy(
            () ->
                new ReplacedObjects(s3)
                    .remove(
                        new PruneRequest(
                            pipeline,
                            List.of("s3://lake/owned/events/date=2026-11-20/batch=b-1/"),
                            List.of("s3://lake/owned/events/date=2026-11-20/batch=b-2/"))))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            e -> assertThat(e.getOriginalMessage()).contains(written.get(1), "AccessDenied"));
    assertThat(keys()).containsExactly(written.get(1));
  }

  @Test
  void theRetentionSweepCountsOnlyWhatS3Deleted() {
    StagingArea staging =
        new StagingArea(
            s3,
            AwsClients.s3Transfers(LocalAws.settings(server.endpoint(), null), s3),
            "s3://lake/staging/");
    for (String key : List.of("a", "b", "c")) {
      s3.putObject(
          b -> b.bucket("lake").key("staging/mine/kept/2026-11-20/b-1/" + key),
          RequestBody.fromString(key));
    }
    server.limits().failDeletes(k -> k.endsWith("/b"), "AccessDenied", Integer.MAX_VALUE);

    int deleted = staging.deleteOlderThan("mine", Instant.now().plusSeconds(60));

    assertThat(deleted).isEqualTo(2);
    assertThat(keys()).containsExactly("staging/mine/kept/2026-11-20/b-1/b");
  }

  @Test
  void moreKeysThanOneDeleteObjectsTakesAreDeletedInSeveralCalls() {
    List<String> written = writeBatch(3);
    List<String> keys = new ArrayList<>(written);
    for (int i = 0; i < 1500; i++) {
      keys.add("owned/absent/" + i); // deleting a missing key succeeds, as on S3
    }

    assertThat(new ObjectDeletions(s3).delete("lake", keys)).isEmpty();
    assertThat(keys()).isEmpty();
  }

  @Test
  void unstagingABodyLeavesWhatS3KeptWithoutFailing() throws Exception {
    StagingArea staging =
        new StagingArea(
            s3,
            AwsClients.s3Transfers(LocalAws.settings(server.endpoint(), null), s3),
            "s3://lake/staging/");
    Path body = Files.writeString(dir.resolve("body.ndjson"), "{\"ts\": 1}\n");
    StagedBatch staged =
        staging.stage(
            "mine",
            LocalDate.parse("2026-11-20"),
            "b-1",
            List.of(body),
            BodyDigest.of(List.of(body)),
            "ndjson");
    server.limits().failDeletes(k -> true, "AccessDenied", Integer.MAX_VALUE);

    staging.unstage("mine", staged);

    assertThat(keys()).hasSize(1);
    server.limits().clearFaults();
    staging.unstage("mine", staged);
    assertThat(keys()).isEmpty();
  }
}
