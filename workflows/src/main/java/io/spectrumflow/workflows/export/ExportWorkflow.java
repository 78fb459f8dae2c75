package io.spectrumflow.workflows.export;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Exports one batch of records: dump to Parquet, upload to S3, catalog in Glue, create the external
 * schema in Redshift, and verify the count through Redshift.
 */
@WorkflowInterface
public interface ExportWorkflow {

  /** The workflow type, as other services name it when they start runs. */
  String TYPE = "ExportWorkflow";

  @WorkflowMethod(name = TYPE)
  ExportResult export(ExportRequest request);

  /** Where the run is now. */
  @QueryMethod(name = "progress")
  ExportProgress progress();
}
