package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SqlNames;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.util.List;

/**
 * Refuses requests that cannot run, before any step starts, saying which field is wrong. Workflow
 * code: deterministic.
 */
final class ExportRequestCheck {

  /**
   * Names that reach SQL are checked before the first step (version 1); runs recorded before went
   * on to fail in the step that used the name. Asked only of a request with a bad name, so the
   * histories of good requests are unchanged.
   */
  static final String SQL_NAMES_CHANGE = "sql-names-checked-first";

  private ExportRequestCheck() {}

  static void requireValid(ExportRequest request) {
    if (request == null) {
      throw invalid("the request is empty");
    }
    try {
      ExportWorkflowIds.requireValidBatchId(request.batchId());
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
    PipelineSpec pipeline = request.pipeline();
    if (pipeline != null) {
      try {
        ExportWorkflowIds.requireValidPipelineName(pipeline.name());
      } catch (IllegalArgumentException e) {
        throw invalid(e.getMessage());
      }
    }
    if (pipeline == null
        || pipeline.storage() == null
        || pipeline.catalog() == null
        || pipeline.partition() == null
        || pipeline.parquet() == null
        || pipeline.redshift() == null) {
      throw invalid(
          "pipeline is missing or incomplete: it needs storage, partition, parquet, catalog and"
              + " redshift settings");
    }
    List<String> badNames = SqlNames.problems(pipeline);
    if (!badNames.isEmpty()
        && Workflow.getVersion(SQL_NAMES_CHANGE, Workflow.DEFAULT_VERSION, 1)
            != Workflow.DEFAULT_VERSION) {
      throw invalid(
          "pipeline "
              + pipeline.name()
              + ": "
              + String.join("; ", badNames)
              + " (fix the pipeline's configuration and start the batch again)");
    }
    if (request.inputs() == null || request.inputs().isEmpty()) {
      throw invalid("inputs is empty: name at least one staged object, s3://bucket/key");
    }
  }

  private static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(
        "invalid request: " + message, ExportFailures.INVALID_REQUEST);
  }
}
