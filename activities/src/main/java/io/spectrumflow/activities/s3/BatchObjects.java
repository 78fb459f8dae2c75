package io.spectrumflow.activities.s3;

import io.spectrumflow.workflows.export.RemoveBatchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The objects a run of a batch wrote, found by their deterministic keys, so that a failed run can
 * remove exactly its own objects, also those of an upload that stopped half-way. A key alone does
 * not say who wrote the object now under it (another pipeline, an earlier or a later run of the
 * batch); the writer recorded on the object does (see {@link ObjectOwner}).
 */
public final class BatchObjects {

  private static final Logger log = LoggerFactory.getLogger(BatchObjects.class);

  private final S3Client s3;

  public BatchObjects(S3Client s3) {
    this.s3 = s3;
  }

  /** Deletes the batch's objects in its partitions that {@code owner} wrote; returns how many. */
  public int remove(RemoveBatchRequest request, ObjectOwner owner) {
    ObjectKeys keys = new ObjectKeys(request.pipeline(), request.batchId(), request.batchTime());
    String bucket = request.pipeline().storage().bucket();
    List<ObjectIdentifier> doomed = new ArrayList<>();
    List<String> left = new ArrayList<>();
    for (String partition : request.partitionValues()) {
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(keys.partitionPrefix(partition)))
              .contents()) {
        if (!keys.isBatchKey(partition, object.key())) {
          continue;
        }
        Map<String, String> writer = ObjectOwner.recordedOn(s3, bucket, object.key());
        if (writer == null) {
          continue; // gone already
        }
        if (owner.wrote(writer)) {
          doomed.add(ObjectIdentifier.builder().key(object.key()).build());
        } else {
          left.add(object.key() + " (" + ObjectOwner.describe(writer) + ")");
        }
      }
    }
    // a key S3 did not delete fails the step (and Temporal retries it), never counts as removed
    new ObjectDeletions(s3)
        .deleteAll(
            bucket,
            doomed.stream().map(ObjectIdentifier::key).toList(),
            "objects of failed batch " + request.batchId());
    log.info("removed {} objects of failed batch {}", doomed.size(), request.batchId());
    if (!left.isEmpty()) {
      log.warn(
          "batch {}: left {} objects under its keys that this run did not write: {}",
          request.batchId(),
          left.size(),
          left);
    }
    return doomed.size();
  }
}
