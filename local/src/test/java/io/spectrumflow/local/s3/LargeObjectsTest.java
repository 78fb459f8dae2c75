package io.spectrumflow.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.activities.s3.ObjectOwner;
import io.spectrumflow.activities.s3.PartUploader;
import io.spectrumflow.activities.s3.S3Transfers;
import io.spectrumflow.activities.s3.StagingActivitiesImpl;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.starter.staging.BodyDigest;
import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.export.UploadRequest;
import io.spectrumflow.workflows.export.UploadedObject;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.schedule.StagedBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Objects larger than one PutObject or CopyObject may write go multipart, on every path that writes
 * them: Parquet parts, staged bodies, and inputs kept by scheduled runs. The embedded S3's
 * single-request limit is lowered from S3's 5 GB to 6 MiB, and the multipart threshold to 5 MiB
 * (S3's smallest part), so that 13 MiB stands for more than 5 GB.
 */
class LargeObjectsTest {

  private static final long MIB = 1024 * 1024;

  @TempDir Path dir;
  private EmbeddedS3 server;
  private S3Client s3;
  private S3Transfers transfers;

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedS3.start(dir.resolve("s3"), 0);
    server.limits().singleRequestMaxBytes(6 * MIB);
    AwsSettings settings = LocalAws.settings(server.endpoint(), null);
    s3 = AwsClients.s3(settings);
    transfers = AwsClients.s3Transfers(settings, s3, 5 * MIB, 5 * MIB);
    s3.createBucket(b -> b.bucket("lake"));
  }

  @AfterEach
  void stop() throws Exception {
    transfers.close();
    s3.close();
    server.close();
  }

  private Path file(String name, long bytes) throws Exception {
    byte[] body = new byte[(int) bytes];
    new Random(bytes).nextBytes(body);
    return Files.write(dir.resolve(name), body);
  }

  private byte[] stored(String key) {
    return s3.getObjectAsBytes(b -> b.bucket("lake").key(key)).asByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void theDefaultsGoMultipartWellBelowS3sSingleRequestLimit() {
    assertThat(S3Transfers.DEFAULT_THRESHOLD_BYTES)
        .isGreaterThanOrEqualTo(S3Transfers.DEFAULT_PART_BYTES)
        .isLessThan(S3Limits.SINGLE_REQUEST_MAX_BYTES);
    // a 10 GB input needs 160 parts of 64 MiB, far below S3's 10,000
    assertThat(S3Transfers.DEFAULT_PART_BYTES).isGreaterThanOrEqualTo(64 * MIB);
  }

  @Test
  void aParquetPartAboveTheSingleRequestLimitIsUploadedInParts() throws Exception {
    PipelineSpec pipeline =
        RunningStack.pipeline(
            dir,
            "big",
            """
            pipelines:
              big:
                format: ndjson
                storage: {bucket: lake, prefix: big}
                partition: {field: ts}
                catalog: {database: big, table: events}
                redshift:
                  clusterIdentifier: spectrumflow-local
                  dbUser: awsuser
                  iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
            """);
    Path large = file("large.parquet", 13 * MIB + 123);
    Path small = file("small.parquet", MIB);
    ObjectOwner owner = new ObjectOwner("big", "export-big-b-1", "run-1");

    List<UploadedObject> uploaded =
        new PartUploader(s3, transfers)
            .upload(
                new UploadRequest(
                    "b-1",
                    pipeline,
                    "2026-11-20T10:00:00Z",
                    List.of(
                        new PartFile("2026-11-20", 0, large.toString(), 10, Files.size(large)),
                        new PartFile("2026-11-20", 1, small.toString(), 1, Files.size(small)))),
                owner,
                n -> {})
            .objects();

    assertThat(uploaded).hasSize(2);
    for (UploadedObject object : uploaded) {
      Path source = object.key().endsWith("00000.parquet") ? large : small;
      assertThat(sha256(stored(object.key()))).isEqualTo(sha256(Files.readAllBytes(source)));
      HeadObjectResponse head = s3.headObject(b -> b.bucket("lake").key(object.key()));
      assertThat(head.metadata()).containsAllEntriesOf(owner.metadata());
      assertThat(head.contentType()).isEqualTo("application/vnd.apache.parquet");
    }
  }

  @Test
  void aStagedBodyAboveTheSingleRequestLimitIsUploadedInParts() throws Exception {
    Path body = file("body.ndjson", 13 * MIB);
    StagingArea staging = new StagingArea(s3, transfers, "s3://lake/staging/");

    StagedBatch batch =
        staging.stage(
            "big",
            LocalDate.parse("2026-11-20"),
            "b-1",
            List.of(body),
            BodyDigest.of(List.of(body)),
            "ndjson");

    String key = batch.inputs().get(0).substring("s3://lake/".length());
    assertThat(sha256(stored(key))).isEqualTo(sha256(Files.readAllBytes(body)));
  }

  @Test
  void anInputAboveTheSingleRequestLimitIsKeptByAMultipartCopy() throws Exception {
    Path input = file("input.ndjson", 13 * MIB);
    // a producer dropped it in one PutObject, as S3 allows up to 5 GB
    server.limits().singleRequestMaxBytes(S3Limits.SINGLE_REQUEST_MAX_BYTES);
    s3.putObject(
        b -> b.bucket("lake").key("staging/big/incoming/input.ndjson"),
        RequestBody.fromFile(input));
    server.limits().singleRequestMaxBytes(6 * MIB);

    StagingActivitiesImpl staging = new StagingActivitiesImpl(s3, transfers);
    StagedBatch incoming =
        new StagedBatch("b-1", List.of("s3://lake/staging/big/incoming/input.ndjson"));
    StagedBatch kept = staging.keep(incoming, "s3://lake/staging/big/kept/", "2026-11-20");
    // a retry after the move finds the source gone and the copy there
    assertThat(staging.keep(incoming, "s3://lake/staging/big/kept/", "2026-11-20")).isEqualTo(kept);

    assertThat(kept.inputs())
        .containsExactly("s3://lake/staging/big/kept/2026-11-20/b-1/0000-input.ndjson");
    assertThat(sha256(stored("staging/big/kept/2026-11-20/b-1/0000-input.ndjson")))
        .isEqualTo(sha256(Files.readAllBytes(input)));
    assertThat(s3.listObjectsV2(b -> b.bucket("lake").prefix("staging/big/incoming/")).contents())
        .isEmpty();
  }
}
