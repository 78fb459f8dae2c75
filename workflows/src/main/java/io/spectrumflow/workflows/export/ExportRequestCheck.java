package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.failure.ApplicationFailure;

/** Refuses requests that cannot run, before any step starts, saying which field is wrong. */
final class ExportRequestCheck {

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
    if (request.inputs() == null || request.inputs().isEmpty()) {
      throw invalid("inputs is empty: name at least one staged object, s3://bucket/key");
    }
  }

  private static ApplicationFailure invalid(String message) {
    return ApplicationFailure.newNonRetryableFailure(
        "invalid request: " + message, ExportFailures.INVALID_REQUEST);
  }
}
