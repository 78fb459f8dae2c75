package io.spectrumflow.activities.s3;

import io.spectrumflow.activities.aws.AwsFailures;
import io.spectrumflow.activities.heartbeat.Heartbeats;
import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.export.UploadActivities;
import io.spectrumflow.workflows.export.UploadRequest;
import io.spectrumflow.workflows.export.UploadResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** The upload step; registered on the worker's host task queue, where its dumped files are. */
public final class UploadActivitiesImpl implements UploadActivities {

  private static final Logger log = LoggerFactory.getLogger(UploadActivitiesImpl.class);

  private final PartUploader uploader;

  public UploadActivitiesImpl(S3Client s3, S3Transfers transfers) {
    this.uploader = new PartUploader(s3, transfers);
  }

  @Override
  public UploadResult uploadPartitions(UploadRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    UploadResult result;
    try {
      ObjectOwner owner = ObjectOwner.ofCurrentActivity(request.pipeline().name());
      // one large object may take longer than the heartbeat timeout to put
      result =
          Heartbeats.during(
              () -> uploader.upload(request, owner, uploaded -> context.heartbeat(uploaded)));
    } catch (SdkException e) {
      throw AwsFailures.translate("S3", "PutObject", e);
    }
    deleteLocalFiles(request);
    return result;
  }

  /** The files are in S3 now; if the pair is redone, the dump writes them again. */
  private static void deleteLocalFiles(UploadRequest request) {
    for (PartFile file : request.files()) {
      Path path = Path.of(file.localPath());
      try {
        Files.deleteIfExists(path);
        Files.deleteIfExists(path.getParent()); // only succeeds once the partition's dir is empty
      } catch (DirectoryNotEmptyException stillInUse) {
        // other files of the partition are deleted next
      } catch (IOException e) {
        log.warn("could not remove uploaded file {}: {}", path, e.toString());
      }
    }
  }
}
