package io.spectrumflow.worker.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.worker.WorkerSettings;
import io.spectrumflow.workflows.export.TemporalSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The worker's configuration file. Unknown top-level sections are ignored because the same file
 * also configures the starter ({@code pipelines:}, {@code starter:}); inside the worker's own
 * sections an unknown key is still an error.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class WorkerConfiguration extends Configuration {

  @NotNull @ValidTemporalSettings @JsonProperty
  private TemporalSettings temporal = new TemporalSettings(null, null);

  @NotNull @ValidAwsSettings @JsonProperty private AwsSettings aws;

  @NotNull @Valid @JsonProperty private WorkerSection worker;

  public TemporalSettings getTemporal() {
    return temporal;
  }

  public AwsSettings getAws() {
    return aws;
  }

  public WorkerSection getWorker() {
    return worker;
  }

  /** What {@link io.spectrumflow.worker.ExportWorker} needs from this file. */
  public WorkerSettings workerSettings() {
    return new WorkerSettings(temporal.target(), temporal.namespace(), aws, worker.getWorkDir());
  }
}
