package io.spectrumflow.workflows.pipeline;

/** How object keys under a table's prefix name their date partition. */
public enum KeyLayout {
  /**
   * {@code <prefix>/<table>/date=2026-11-24/<batch-id>-00000.parquet}, read by Glue as column date.
   */
  HIVE,
  /**
   * {@code <prefix>/2026-11-24/<time>.parquet}, the seed recipe's layout; a crawler names it
   * partition_0.
   */
  LEGACY
}
