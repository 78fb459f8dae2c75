package io.spectrumflow.starter.cli;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.starter.app.StarterConfiguration;
import io.spectrumflow.starter.app.TemporalConnection;
import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.schedules.PipelineSchedules;
import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.export.TemporalSettings;

/** What a command needs from the configuration: pipelines, Temporal, S3 and the staging area. */
final class Connected implements AutoCloseable {

  final StarterConfiguration config;
  final Pipelines pipelines;
  final TemporalConnection temporal;
  private AwsClients aws;

  Connected(StarterConfiguration config, String temporalOverride) {
    this.config = config;
    this.pipelines = config.pipelines();
    TemporalSettings settings =
        temporalOverride == null
            ? config.getTemporal()
            : new TemporalSettings(temporalOverride, config.getTemporal().namespace());
    this.temporal = new TemporalConnection(settings);
  }

  AwsClients aws() {
    if (aws == null) {
      aws = new AwsClients(config.getAws());
    }
    return aws;
  }

  StagingArea staging() {
    return new StagingArea(aws().s3(), aws().s3Transfers(), config.getStarter().staging());
  }

  PipelineSchedules schedules() {
    return new PipelineSchedules(
        temporal.schedules(), staging(), config.getStarter().maxInputsPerScheduledRun());
  }

  @Override
  public void close() {
    temporal.stop();
    if (aws != null) {
      aws.close();
    }
  }
}
