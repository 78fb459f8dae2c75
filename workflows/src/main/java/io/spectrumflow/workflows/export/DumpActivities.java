package io.spectrumflow.workflows.export;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

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

  /**
   * Reads one chunk of a batch staged as many inputs, only to tell its columns, so that every chunk
   * can then be written with one schema.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link ExportFailures#BAD_INPUT}, not
   *     retryable, as the dump would
   */
  @ActivityMethod
  List<InferredColumn> inferColumns(DumpRequest request);
}
