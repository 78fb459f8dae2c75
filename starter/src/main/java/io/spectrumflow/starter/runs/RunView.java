package io.spectrumflow.starter.runs;

import io.spectrumflow.workflows.export.ExportProgress;
import io.spectrumflow.workflows.export.ExportResult;
import java.util.List;

/**
 * A run as the HTTP API and the command line show it.
 *
 * @param workflowId the workflow id, {@code export:<pipeline>:<batch-id>} ({@code
 *     export-<pipeline>-<batch-id>} for runs started before that scheme)
 * @param runId the latest run's id
 * @param type the workflow type
 * @param status {@code running}, {@code completed}, {@code failed}, ...
 * @param pipeline the pipeline, if the run carries it
 * @param batchId the batch, if the run carries it
 * @param partitionDates the partitions written, once known
 * @param rows the rows verified, once done
 * @param startTime ISO instant
 * @param closeTime ISO instant, or null while running
 * @param progress the live progress while running
 * @param result the result once completed
 * @param failure the failure message once failed
 */
public record RunView(
    String workflowId,
    String runId,
    String type,
    String status,
    String pipeline,
    String batchId,
    List<String> partitionDates,
    Long rows,
    String startTime,
    String closeTime,
    ExportProgress progress,
    ExportResult result,
    String failure) {}
