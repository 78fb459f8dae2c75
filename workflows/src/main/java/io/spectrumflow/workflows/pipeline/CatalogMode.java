package io.spectrumflow.workflows.pipeline;

/** How a pipeline's table and partitions get into the Glue Data Catalog. */
public enum CatalogMode {
  /** Create the table if missing and register partitions with BatchCreatePartition. */
  DIRECT,
  /** Run a Glue crawler over the table's prefix and wait for it. */
  CRAWLER
}
