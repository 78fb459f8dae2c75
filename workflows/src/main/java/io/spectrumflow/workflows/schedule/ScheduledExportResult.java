package io.spectrumflow.workflows.schedule;

import io.spectrumflow.workflows.export.ExportResult;

/**
 * What a scheduled run did.
 *
 * @param batch the batch it exported, as kept; null when nothing was staged
 * @param export the export's result; null when nothing was staged
 */
public record ScheduledExportResult(StagedBatch batch, ExportResult export) {}
