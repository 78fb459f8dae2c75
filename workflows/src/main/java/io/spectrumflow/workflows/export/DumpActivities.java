package io.spectrumflow.workflows.export;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Turns staged input into Parquet files on the local disk of the worker that runs it. */
@ActivityInterface
public interface DumpActivities {

  /**
   * Streams the inputs into Parquet files, one or more per partition.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link ExportFailures#BAD_INPUT}, not
   *     retryable, when a record cannot be read or typed; the message names the record and column
   */
  @ActivityMethod
  DumpResult dumpParquet(DumpRequest request);
}
