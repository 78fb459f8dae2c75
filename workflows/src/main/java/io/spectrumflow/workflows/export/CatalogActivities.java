package io.spectrumflow.workflows.export;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Keeps the Glue Data Catalog in step with what is in S3. */
@ActivityInterface
public interface CatalogActivities {

  /**
   * Direct mode: creates the database and table if missing, adds columns the batch brought, and
   * registers the batch's partitions (those already registered are fine).
   */
  @ActivityMethod
  CatalogResult registerPartitions(CatalogRequest request);
}
