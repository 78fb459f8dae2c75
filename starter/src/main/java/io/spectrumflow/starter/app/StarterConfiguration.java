package io.spectrumflow.starter.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.starter.config.PipelineConfig;
import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.workflows.export.TemporalSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * The starter's configuration. The same file also configures the worker, whose sections this one
 * ignores.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class StarterConfiguration extends Configuration {

  @Valid @NotNull private TemporalSettings temporal = new TemporalSettings(null, null);

  @Valid @NotNull private AwsSettings aws;

  @Valid @NotNull private StarterSettings starter;

  @NotEmpty private Map<String, PipelineConfig> pipelines;

  @JsonProperty
  public TemporalSettings getTemporal() {
    return temporal;
  }

  @JsonProperty
  public void setTemporal(TemporalSettings temporal) {
    this.temporal = temporal;
  }

  @JsonProperty
  public AwsSettings getAws() {
    return aws;
  }

  @JsonProperty
  public void setAws(AwsSettings aws) {
    this.aws = aws;
  }

  @JsonProperty
  public StarterSettings getStarter() {
    return starter;
  }

  @JsonProperty
  public void setStarter(StarterSettings starter) {
    this.starter = starter;
  }

  @JsonProperty
  public Map<String, PipelineConfig> getPipelines() {
    return pipelines;
  }

  @JsonProperty
  public void setPipelines(Map<String, PipelineConfig> pipelines) {
    this.pipelines = pipelines;
  }

  /**
   * The pipelines, checked, {@code redshift.region} following {@code aws.region}; a bad setting
   * fails start-up naming its key.
   */
  public Pipelines pipelines() {
    return Pipelines.of(pipelines, aws == null ? null : aws.region());
  }
}
