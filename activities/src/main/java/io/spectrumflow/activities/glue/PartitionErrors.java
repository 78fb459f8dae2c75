package io.spectrumflow.activities.glue;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import software.amazon.awssdk.services.glue.model.PartitionError;

/** The per-partition errors of Glue's batch partition calls. */
final class PartitionErrors {

  private PartitionErrors() {}

  /**
   * Counts partitions that already existed, which registering again is fine with.
   *
   * @throws ApplicationFailure (retryable) for any other error, naming the partition
   */
  static int requireOnlyExisting(String call, List<PartitionError> errors) {
    return requireOnly("AlreadyExistsException", call, errors);
  }

  /**
   * Counts partitions that were gone already, which deleting again is fine with.
   *
   * @throws ApplicationFailure (retryable) for any other error, naming the partition
   */
  static int requireOnlyMissing(String call, List<PartitionError> errors) {
    return requireOnly("EntityNotFoundException", call, errors);
  }

  private static int requireOnly(String tolerated, String call, List<PartitionError> errors) {
    int count = 0;
    for (PartitionError error : errors) {
      String code = error.errorDetail() == null ? null : error.errorDetail().errorCode();
      if (tolerated.equals(code)) {
        count++;
      } else {
        throw ApplicationFailure.newFailure(
            "Glue "
                + call
                + " failed for "
                + error.partitionValues()
                + ": "
                + code
                + " "
                + (error.errorDetail() == null ? "" : error.errorDetail().errorMessage()),
            "AwsCallFailed");
      }
    }
    return count;
  }
}
