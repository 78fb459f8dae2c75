package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.List;

/**
 * Make the batch's partitions visible in the Glue Data Catalog.
 *
 * @param pipeline the pipeline
 * @param columns the columns the batch was written with
 * @param partitionValues the partitions the batch wrote to
 * @param batchId the batch; in replace mode it names the partitions' new version folders
 */
public record CatalogRequest(
    PipelineSpec pipeline,
    List<ColumnSpec> columns,
    List<String> partitionValues,
    String batchId) {}
