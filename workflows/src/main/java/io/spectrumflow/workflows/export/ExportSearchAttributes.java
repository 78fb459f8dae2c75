package io.spectrumflow.workflows.export;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * The custom search attributes every export run carries, so that the Temporal UI, {@code
 * spectrumflow list} and {@code GET /runs} can find runs by them. A Temporal cluster needs them
 * registered once ({@code temporal operator search-attribute create}); the embedded stack registers
 * them itself.
 */
public final class ExportSearchAttributes {

  /** The pipeline's name, set when the run starts. */
  public static final SearchAttributeKey<String> PIPELINE =
      SearchAttributeKey.forKeyword("SpectrumflowPipeline");

  /** The batch id, set when the run starts. */
  public static final SearchAttributeKey<String> BATCH_ID =
      SearchAttributeKey.forKeyword("SpectrumflowBatchId");

  /** The partition dates the batch wrote, set after the dump. */
  public static final SearchAttributeKey<List<String>> PARTITION_DATES =
      SearchAttributeKey.forKeywordList("SpectrumflowPartitionDates");

  /** The rows verified through Redshift, set when the run completes. */
  public static final SearchAttributeKey<Long> ROWS =
      SearchAttributeKey.forLong("SpectrumflowRows");

  private ExportSearchAttributes() {}

  /** All of them, for registering with a server. */
  public static List<SearchAttributeKey<?>> all() {
    return List.of(PIPELINE, BATCH_ID, PARTITION_DATES, ROWS);
  }
}
