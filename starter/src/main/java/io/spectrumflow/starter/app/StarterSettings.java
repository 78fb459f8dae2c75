package io.spectrumflow.starter.app;

import io.dropwizard.util.DataSize;
import io.spectrumflow.starter.dashboard.DashboardSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The {@code starter:} section.
 *
 * @param authToken the bearer token mutating API calls must carry; from the environment, never
 *     written in the file
 * @param maxBody the largest batch body accepted; larger ones get 413
 * @param staging where batches are staged, {@code s3://bucket/prefix/}; each pipeline gets {@code
 *     <pipeline>/} under it
 * @param stagingRetentionDays how long staged batches are kept for backfills
 * @param maxInputsPerScheduledRun at most this many staged files in one scheduled batch
 * @param temporalUiUrl the Temporal UI's base URL, for links; may be null
 * @param dashboard how the dashboard refreshes and how many runs it lists
 */
public record StarterSettings(
    @NotBlank(message = "must be set, from the environment: SPECTRUMFLOW_API_TOKEN")
        String authToken,
    @NotNull DataSize maxBody,
    @NotBlank @Pattern(regexp = "s3://[^/]+/(.+/)?", message = "must look like s3://bucket/prefix/")
        String staging,
    @Min(1) int stagingRetentionDays,
    @Min(1) int maxInputsPerScheduledRun,
    String temporalUiUrl,
    @Valid DashboardSettings dashboard) {

  public StarterSettings {
    maxBody = maxBody == null ? DataSize.mebibytes(64) : maxBody;
    stagingRetentionDays = stagingRetentionDays == 0 ? 30 : stagingRetentionDays;
    maxInputsPerScheduledRun = maxInputsPerScheduledRun == 0 ? 1000 : maxInputsPerScheduledRun;
    dashboard = dashboard == null ? DashboardSettings.DEFAULTS : dashboard;
  }
}
