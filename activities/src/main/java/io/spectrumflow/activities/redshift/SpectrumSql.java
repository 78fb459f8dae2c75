package io.spectrumflow.activities.redshift;

import io.spectrumflow.workflows.export.CountRequest;
import io.spectrumflow.workflows.export.DdlRequest;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import java.util.stream.Collectors;

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
   * $path} pseudo-column keeps other batches' rows in the same partitions out of the count.
   */
  public static String countBatchRows(CountRequest request) {
    return "SELECT count(*) FROM "
        + SqlText.identifier("external schema", request.redshift().externalSchema())
        + "."
        + SqlText.identifier("table", request.table())
        + " WHERE "
        + SqlText.identifier("partition column", request.partitionColumn())
        + " IN ("
        + request.partitionValues().stream()
            .map(v -> SqlText.value("partition value", v))
            .collect(Collectors.joining(", "))
        + ") AND \"$path\" IN ("
        + request.objectUris().stream()
            .map(uri -> SqlText.value("object", uri))
            .collect(Collectors.joining(", "))
        + ")";
  }
}
