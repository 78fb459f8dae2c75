package io.spectrumflow.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.s3.BatchObjects;
import io.spectrumflow.activities.s3.ObjectKeys;
import io.spectrumflow.activities.s3.ObjectOwner;
import io.spectrumflow.activities.s3.PartUploader;
import io.spectrumflow.activities.s3.ReplacedObjects;
import io.spectrumflow.activities.s3.S3Transfers;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.export.PruneRequest;
import io.spectrumflow.workflows.export.RemoveBatchRequest;
import io.spectrumflow.workflows.export.UploadRequest;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A run deletes only objects it wrote itself: when other writers overwrote or added objects under
 * its batch's keys, its rollback (and a retried upload's clean-up) leaves theirs in place.
 */
class RunOwnedObjectsTest {

  private static final String BATCH_TIME = "2026-11-20T10:00:00.123456Z";

  @TempDir Path dir;
  private EmbeddedS3 server;
  private S3Client s3;
  private S3Transfers transfers;

  @BeforeEach
  void start() throws Exception {
    server = EmbeddedS3.start(dir.resolve("s3"), 0);
    s3 = AwsClients.s3(LocalAws.settings(server.endpoint(), null));
    transfers = AwsClients.s3Transfers(LocalAws.settings(server.endpoint(), null), s3);
    s3.createBucket(b -> b.bucket("lake"));
  }

  @AfterEach
  void stop() throws Exception {
    transfers.close();
    s3.close();
    server.close();
  }

  private PipelineSpec pipeline(String name, String layout, String mode) throws Exception {
    return RunningStack.pipeline(
        dir,
        name,
        """
        pipelines:
          %s:
            format: ndjson
            storage: {bucket: lake, prefix: owned, layout: %s, mode: %s}
            partition: {field: ts}
            catalog: {database: owned, table: events}
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
        """
            .formatted(name, layout, mode));
  }

  /** An upload of batch b-1 of files with these sequence numbers, each body naming its tag. */
  private UploadRequest upload(PipelineSpec pipeline, String tag, int... sequences)
      throws Exception {
    List<PartFile> parts = new ArrayList<>();
    for (int sequence : sequences) {
      Path file =
          Files.writeString(dir.resolve(tag + "-" + sequence + ".parquet"), tag + " " + sequence);
      parts.add(new PartFile("2026-11-20", sequence, file.toString(), 1, Files.size(file)));
    }
    return new UploadRequest("b-1", pipeline, BATCH_TIME, parts);
  }

  private static String key(PipelineSpec pipeline, int sequence) {
    return new ObjectKeys(pipeline, "b-1", BATCH_TIME).key("2026-11-20", sequence);
  }

  private List<String> keys() {
    return s3.listObjectsV2Paginator(b -> b.bucket("lake").prefix("owned/")).contents().stream()
        .map(S3Object::key)
        .sorted()
        .toList();
  }

  private String body(String key) {
    return s3.getObjectAsBytes(b -> b.bucket("lake").key(key)).asUtf8String();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hive append", "legacy append", "hive replace-partitions"})
  void aRollbackRemovesOnlyTheObjectsItsRunWroteAndNobodyOverwrote(String setting)
      throws Exception {
    String[] parts = setting.split(" ");
    PipelineSpec mine = pipeline("mine", parts[0], parts[1]);
    PipelineSpec theirs = pipeline("theirs", parts[0], parts[1]);
    ObjectOwner runA = new ObjectOwner("mine", "export-mine-b-1", "run-a");
    PartUploader uploader = new PartUploader(s3, transfers);

    // an earlier run of A's own batch left an object of another chunk, which A does not write
    UploadRequest earlier = upload(mine, "earlier", 10_000);
    uploader.upload(
        new UploadRequest(
            earlier.batchId(), mine, earlier.batchTime(), earlier.files(), /* chunk */ 1),
        new ObjectOwner("mine", "export-mine-b-1", "run-0"),
        n -> {});
    uploader.upload(upload(mine, "a", 0, 1, 2), runA, n -> {});
    // another pipeline over the same table, with the same batch id, overwrites A's first object
    // and adds one A never wrote; a writer that records no run adds another
    uploader.upload(
        upload(theirs, "x", 0, 7),
        new ObjectOwner("theirs", "export-theirs-b-1", "run-x"),
        n -> {});
    s3.putObject(
        b -> b.bucket("lake").key(key(mine, 9)), RequestBody.fromString("no recorded writer"));

    int removed =
        new BatchObjects(s3)
            .remove(new RemoveBatchRequest(mine, "b-1", BATCH_TIME, List.of("2026-11-20")), runA);

    assertThat(removed).isEqualTo(2);
    assertThat(keys())
        .containsExactlyInAnyOrder(key(mine, 0), key(mine, 7), key(mine, 9), key(mine, 10_000));
    assertThat(body(key(mine, 0))).isEqualTo("x 0");
    assertThat(body(key(mine, 7))).isEqualTo("x 7");
    assertThat(body(key(mine, 10_000))).isEqualTo("earlier 10000");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hive", "legacy"})
  void aRerunRemovesItsBatchsLeftoversButNotAnotherPipelinesObjects(String layout)
      throws Exception {
    PipelineSpec mine = pipeline("mine", layout, "append");
    PipelineSpec theirs = pipeline("theirs", layout, "append");
    PartUploader uploader = new PartUploader(s3, transfers);
    uploader.upload(
        upload(mine, "first", 0, 1, 2),
        new ObjectOwner("mine", "export-mine-b-1", "run-1"),
        n -> {});
    uploader.upload(
        upload(theirs, "x", 3), new ObjectOwner("theirs", "export-theirs-b-1", "run-x"), n -> {});

    // the rerun writes fewer files: the first run's third is its batch's and goes, theirs stays
    List<String> stale =
        uploader
            .upload(
                upload(mine, "rerun", 0, 1),
                new ObjectOwner("mine", "export-mine-b-1", "run-2"),
                n -> {})
            .staleKeysRemoved();

    assertThat(stale).containsExactly(key(mine, 2));
    assertThat(keys()).containsExactlyInAnyOrder(key(mine, 0), key(mine, 1), key(mine, 3));
    assertThat(body(key(mine, 3))).isEqualTo("x 3");
  }

  @Test
  void pruningAReplacedVersionLeavesAnotherPipelinesObjectsInIt() throws Exception {
    PipelineSpec mine = pipeline("mine", "hive", "replace-partitions");
    PipelineSpec theirs = pipeline("theirs", "hive", "replace-partitions");
    PartUploader uploader = new PartUploader(s3, transfers);
    uploader.upload(
        upload(mine, "old", 0, 1), new ObjectOwner("mine", "export-mine-b-1", "run-1"), n -> {});
    uploader.upload(
        upload(theirs, "x", 2), new ObjectOwner("theirs", "export-theirs-b-1", "run-x"), n -> {});
    String version = "s3://lake/owned/events/date=2026-11-20/batch=b-1/";

    int removed =
        new ReplacedObjects(s3)
            .remove(
                new PruneRequest(
                    mine,
                    List.of(version),
                    List.of("s3://lake/owned/events/date=2026-11-20/batch=b-2/")));

    assertThat(removed).isEqualTo(2);
    assertThat(keys()).containsExactly(key(mine, 2));
  }
}
