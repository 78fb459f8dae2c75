package io.spectrumflow.activities.s3;

import io.spectrumflow.activities.aws.AwsFailures;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.spectrumflow.workflows.schedule.StagedBatch;
import io.spectrumflow.workflows.schedule.StagingActivities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/** A pipeline's staging area in S3. */
public final class StagingActivitiesImpl implements StagingActivities {

  private final S3Client s3;
  private final S3Transfers transfers;

  public StagingActivitiesImpl(S3Client s3, S3Transfers transfers) {
    this.s3 = s3;
    this.transfers = transfers;
  }

  @Override
  public List<String> listIncoming(String incoming, int max) {
    S3Location prefix = S3Location.parsePrefix(incoming);
    try {
      return s3
          .listObjectsV2Paginator(b -> b.bucket(prefix.bucket()).prefix(prefix.key()))
          .contents()
          .stream()
          .filter(o -> isStaged(o.key()))
          .sorted(Comparator.comparing(S3Object::lastModified).thenComparing(S3Object::key))
          .limit(max)
          .map(o -> "s3://" + prefix.bucket() + "/" + o.key())
          .toList();
    } catch (SdkException e) {
      throw AwsFailures.translate("S3", "ListObjectsV2 " + incoming, e);
    }
  }

  @Override
  public StagedBatch keep(StagedBatch batch, String kept, String date) {
    S3Location target = S3Location.parsePrefix(kept);
    String folder =
        target.key() + date + "/" + ExportWorkflowIds.requireValidBatchId(batch.batchId()) + "/";
    List<String> moved = new ArrayList<>();
    for (int i = 0; i < batch.inputs().size(); i++) {
      S3Location from = S3Location.parse(batch.inputs().get(i));
      String name = from.key().substring(from.key().lastIndexOf('/') + 1);
      String to = folder + String.format("%04d-", i) + name;
      try {
        // A retry after a partial move finds the source gone and the copy already there. An
        // input above the multipart threshold is copied in parts (one CopyObject: 5 GB at most).
        transfers.copy(
            CopyObjectRequest.builder()
                .sourceBucket(from.bucket())
                .sourceKey(from.key())
                .destinationBucket(target.bucket())
                .destinationKey(to)
                .build());
        s3.deleteObject(b -> b.bucket(from.bucket()).key(from.key()));
      } catch (NoSuchKeyException alreadyMoved) {
        s3.headObject(b -> b.bucket(target.bucket()).key(to));
      } catch (SdkException e) {
        throw AwsFailures.translate("S3", "CopyObject " + from.uri(), e);
      }
      moved.add("s3://" + target.bucket() + "/" + to);
    }
    return new StagedBatch(batch.batchId(), moved);
  }

  /** Folder markers and hidden names are not staged files. */
  private static boolean isStaged(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    return !key.endsWith("/") && !name.startsWith("_") && !name.startsWith(".");
  }
}
