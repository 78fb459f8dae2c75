package io.spectrumflow.starter.runs;

import io.spectrumflow.workflows.export.ExportRequest;

/**
 * The run of a batch of a pipeline.
 *
 * @param view how it is
 * @param request what it was started with, or null when its history does not tell
 */
public record BatchRun(RunView view, ExportRequest request) {}
