package io.spectrumflow.workflows.schedule;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** The staging area of a pipeline: where producers drop files and where batches are kept. */
@ActivityInterface
public interface StagingActivities {

  /**
   * Lists what waits under the incoming prefix, oldest first.
   *
   * @param incoming {@code s3://bucket/prefix/}
   * @param max at most this many objects
   */
  @ActivityMethod
  List<String> listIncoming(String incoming, int max);

  /**
   * Moves an exported batch's objects out of the incoming prefix into the kept batches, under
   * {@code <kept>/<yyyy-MM-dd>/<batch-id>/}, so that the next scheduled run does not see them and a
   * backfill can run the batch again.
   *
   * @return the batch as kept
   */
  @ActivityMethod
  StagedBatch keep(StagedBatch batch, String kept, String date);
}
