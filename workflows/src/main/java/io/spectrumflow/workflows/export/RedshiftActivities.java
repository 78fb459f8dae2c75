package io.spectrumflow.workflows.export;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Statements through the Redshift Data API, each polled until it finishes. */
@ActivityInterface
public interface RedshiftActivities {

  /**
   * Runs {@code CREATE EXTERNAL SCHEMA IF NOT EXISTS ... FROM DATA CATALOG}.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link ExportFailures#STATEMENT_FAILED},
   *     not retryable, with Redshift's own error text
   */
  @ActivityMethod
  StatementResult applyExternalSchema(DdlRequest request);

  /** Counts the rows of the batch's objects through the external table. */
  @ActivityMethod
  CountResult countRows(CountRequest request);
}
