package io.spectrumflow.activities.redshift;

import io.spectrumflow.workflows.export.CountRequest;
import io.spectrumflow.workflows.export.DdlRequest;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import java.util.List;

/** The statements Spectrumflow runs in Redshift. */
public final class SpectrumSql {

  private SpectrumSql() {}

  /** {@code CREATE EXTERNAL SCHEMA IF NOT EXISTS ... FROM DATA CATALOG ...}. */
  public static String createExternalSchema(DdlRequest request) {
    RedshiftSpec redshift = request.redshift();
    return "CREATE EXTERNAL SCHEMA IF NOT EXISTS "
        + SqlText.identifier("external schema", redshift.externalSchema())
        + " FROM DATA CATALOG DATABASE "
        + SqlText.glueName("Glue database", request.glueDatabase())
        + " IAM_ROLE "
        + SqlText.roleArn(redshift.iamRole())
        + " REGION "
        + SqlText.region(redshift.region());
  }

  /**
   * Counts the rows in the batch's objects: the partitions narrow the scan, Spectrum's {@code
   * $path} pseudo-column keeps other batches' rows in the same partitions out of the count. As many
   * statements as the Data API's statement size takes; their counts add up to the batch's.
   */
  public static List<String> countBatchRows(CountRequest request) {
    return BatchCountSql.statements(request, BatchCountSql.MAX_STATEMENT_BYTES);
  }
}
