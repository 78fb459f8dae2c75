package io.spectrumflow.activities.s3;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The run that writes a batch's objects, recorded on each object as user metadata so that a run
 * deletes only objects it wrote itself: never another pipeline's, nor an earlier or later run's
 * that happen to sit under the same keys.
 *
 * @param pipeline the pipeline's name
 * @param workflowId the run's workflow id: one per pipeline and batch
 * @param runId the run's Temporal run id: one per run of the batch
 */
public record ObjectOwner(String pipeline, String workflowId, String runId) {

  /** {@code x-amz-meta-spectrumflow-run}: {@code <workflow id>/<run id>}. */
  public static final String RUN = "spectrumflow-run";

  /** {@code x-amz-meta-spectrumflow-pipeline}: the pipeline's name. */
  public static final String PIPELINE = "spectrumflow-pipeline";

  /** The run of the activity being executed (all activities of a run share its ids). */
  public static ObjectOwner ofCurrentActivity(String pipeline) {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    return new ObjectOwner(pipeline, info.getWorkflowId(), info.getRunId());
  }

  /** The user metadata that every object this run writes carries. */
  public Map<String, String> metadata() {
    return Map.of(RUN, run(), PIPELINE, pipeline);
  }

  /** Whether an object with this user metadata was written by this very run. */
  public boolean wrote(Map<String, String> metadata) {
    return run().equals(metadata.get(RUN)) && pipeline.equals(metadata.get(PIPELINE));
  }

  /**
   * Whether an object with this user metadata was written by a run of this pipeline's batch: this
   * one, or an earlier one that a rerun of the batch replaces.
   */
  public boolean sameBatch(Map<String, String> metadata) {
    String writer = metadata.get(RUN);
    return writer != null
        && writer.startsWith(workflowId + "/")
        && pipeline.equals(metadata.get(PIPELINE));
  }

  /**
   * Whether an object with this user metadata records another pipeline as its writer; objects
   * written before writers were recorded name none.
   */
  static boolean ofAnotherPipeline(Map<String, String> metadata, String pipeline) {
    String writer = metadata.get(PIPELINE);
    return writer != null && !writer.equals(pipeline);
  }

  /** The user metadata recorded on an object, or null when the object no longer exists. */
  static Map<String, String> recordedOn(S3Client s3, String bucket, String key) {
    try {
      return s3.headObject(b -> b.bucket(bucket).key(key)).metadata();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return null; // HeadObject's 404 has no body, so no error code to match
      }
      throw e;
    }
  }

  /** How an object's writer is named in logs: its run, or that it carries none. */
  static String describe(Map<String, String> metadata) {
    String writer = metadata.get(RUN);
    return writer == null
        ? "no recorded writer"
        : "written by " + writer + " of pipeline " + metadata.get(PIPELINE);
  }

  private String run() {
    return workflowId + "/" + runId;
  }
}
