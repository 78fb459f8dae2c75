package io.spectrumflow.workflows.export;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** S3 housekeeping that may run on any worker. */
@ActivityInterface
public interface StorageActivities {

  /**
   * Deletes every object under the replaced locations, which must lie under the pipeline's table
   * prefix and must not be a location in use.
   *
   * @return the number of objects removed
   */
  @ActivityMethod
  int removeReplacedObjects(PruneRequest request);

  /**
   * Deletes every object of the batch in its partitions: what a failed run wrote must not be read
   * as part of the table.
   *
   * @return the number of objects removed
   */
  @ActivityMethod
  int removeBatchObjects(RemoveBatchRequest request);
}
