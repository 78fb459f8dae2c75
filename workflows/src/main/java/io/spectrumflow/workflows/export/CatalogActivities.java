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

  /**
   * Crawler mode: makes sure the pipeline's crawler exists as configured, starts it (waiting first
   * for a crawl already running), and polls it to READY with heartbeats.
   *
   * @throws io.temporal.failure.ApplicationFailure of type {@link ExportFailures#CRAWL_FAILED}, not
   *     retryable, with Glue's message when the crawl ends FAILED or CANCELLED
   */
  @ActivityMethod
  CrawlResult crawl(CrawlRequest request);

  /**
   * Crawler mode, after the crawl: renames the crawler's {@code partition_0} to the pipeline's
   * partition column, adds columns the batch brought, and checks the batch's partitions are
   * registered.
   */
  @ActivityMethod
  CatalogResult adoptCrawledTable(CatalogRequest request);

  /**
   * Replace mode, when a run fails after switching: points the partitions back, in one call. Kept
   * for runs recorded before {@link #undoPartitionSwitch} existed.
   */
  @ActivityMethod
  void restorePartitions(RestoreRequest request);

  /**
   * Replace mode, when a run fails: every partition this run switched to the batch's version folder
   * points back at the version it had before, and every partition this run created is removed, as
   * the switches recorded in the partitions themselves tell (so this works even when the catalog
   * step failed halfway). Partitions switched by other runs are left alone.
   */
  @ActivityMethod
  UndoSwitchResult undoPartitionSwitch(UndoSwitchRequest request);
}
