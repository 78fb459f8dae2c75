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
    int existing = 0;
    for (PartitionError error : errors) {
      String code = error.errorDetail() == null ? null : error.errorDetail().errorCode();
      if ("AlreadyExistsException".equals(code)) {
        existing++;
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
    return existing;
  }
}
