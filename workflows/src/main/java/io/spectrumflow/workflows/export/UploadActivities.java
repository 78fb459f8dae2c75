package io.spectrumflow.workflows.export;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Puts a dump's files into S3. Runs on the host task queue of the worker that has them. */
@ActivityInterface
public interface UploadActivities {

  /**
   * Uploads each file under its deterministic key, removes objects an earlier attempt of this batch
   * wrote that this one does not, and deletes the local files.
   */
  @ActivityMethod
  UploadResult uploadPartitions(UploadRequest request);
}
