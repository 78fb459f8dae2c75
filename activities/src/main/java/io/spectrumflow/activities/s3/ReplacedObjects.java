package io.spectrumflow.activities.s3;

import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.export.PruneRequest;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Removes the objects of partition versions that a replacing batch switched away from. Only objects
 * under the pipeline's own table prefix are ever touched, and never those under a location in use
 * (an old location may be the partition folder that holds the new version's folder), nor those
 * another pipeline wrote (see {@link ObjectOwner}).
 */
public final class ReplacedObjects {

  private static final Logger log = LoggerFactory.getLogger(ReplacedObjects.class);

  private final S3Client s3;

  public ReplacedObjects(S3Client s3) {
    this.s3 = s3;
  }

  /** Deletes the objects; returns how many. */
  public int remove(PruneRequest request) {
    String bucket = request.pipeline().storage().bucket();
    String tablePrefix = request.pipeline().tablePrefix();
    List<String> keep = request.keep().stream().map(k -> S3Location.parse(k).key()).toList();
    int removed = 0;
    for (String uri : request.locations()) {
      S3Location location = S3Location.parse(uri);
      if (!location.bucket().equals(bucket)
          || !location.key().startsWith(tablePrefix)
          || location.key().equals(tablePrefix)
          || !location.key().endsWith("/")) {
        throw ApplicationFailure.newNonRetryableFailure(
            "refusing to remove "
                + uri
                + ": replaced partition locations must be folders under "
                + request.pipeline().tableLocation(),
            ExportFailures.INVALID_REQUEST);
      }
      List<ObjectIdentifier> doomed = new ArrayList<>();
      for (S3Object object :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(location.key())).contents()) {
        if (keep.stream().anyMatch(object.key()::startsWith)) {
          continue;
        }
        Map<String, String> writer = ObjectOwner.recordedOn(s3, bucket, object.key());
        if (writer != null && ObjectOwner.ofAnotherPipeline(writer, request.pipeline().name())) {
          log.warn(
              "left {} in the replaced version at {}: {}",
              object.key(),
              uri,
              ObjectOwner.describe(writer));
        } else if (writer != null) {
          doomed.add(ObjectIdentifier.builder().key(object.key()).build());
        }
      }
      // a key S3 did not delete fails the step; the workflow then logs the version as left over
      new ObjectDeletions(s3)
          .deleteAll(
              bucket,
              doomed.stream().map(ObjectIdentifier::key).toList(),
              "objects of the replaced version at " + uri);
      removed += doomed.size();
      log.info("removed {} objects of the replaced version at {}", doomed.size(), uri);
    }
    return removed;
  }
}
