package io.spectrumflow.activities.s3;

import io.spectrumflow.activities.aws.AwsFailures;
import io.spectrumflow.activities.heartbeat.Heartbeats;
import io.spectrumflow.workflows.export.PruneRequest;
import io.spectrumflow.workflows.export.RemoveBatchRequest;
import io.spectrumflow.workflows.export.StorageActivities;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** S3 housekeeping on the shared task queue. */
public final class StorageActivitiesImpl implements StorageActivities {

  private final ReplacedObjects replaced;
  private final BatchObjects batches;

  public StorageActivitiesImpl(S3Client s3) {
    this.replaced = new ReplacedObjects(s3);
    this.batches = new BatchObjects(s3);
  }

  @Override
  public int removeBatchObjects(RemoveBatchRequest request) {
    try {
      ObjectOwner owner = ObjectOwner.ofCurrentActivity(request.pipeline().name());
      return Heartbeats.during(() -> batches.remove(request, owner));
    } catch (SdkException e) {
      throw AwsFailures.translate("S3", "DeleteObjects", e);
    }
  }

  @Override
  public int removeReplacedObjects(PruneRequest request) {
    try {
      return Heartbeats.during(() -> replaced.remove(request));
    } catch (SdkException e) {
      throw AwsFailures.translate("S3", "DeleteObjects", e);
    }
  }
}
