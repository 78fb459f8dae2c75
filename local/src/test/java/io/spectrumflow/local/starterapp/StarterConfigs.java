package io.spectrumflow.local.starterapp;

import io.spectrumflow.local.e2e.RunningStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starter configuration files pointing at a running embedded stack. */
final class StarterConfigs {

  /** The request log's file, in the configuration's folder. */
  static final String REQUEST_LOG = "requests.log";

  private StarterConfigs() {}

  /**
   * @param extraPipelines more YAML under {@code pipelines:}, indented by two spaces
   */
  static Path write(Path dir, RunningStack stack, String webhook, String extraPipelines)
      throws IOException {
    String redshift =
        "{clusterIdentifier: spectrumflow-local, dbUser: awsuser,"
            + " iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum}";
    String yaml =
        """
        %s
        starter:
          authToken: %s
          maxBody: 64KiB
          staging: s3://spectrumflow-lake/staging/
        server:
          applicationConnectors: [{type: http, port: 0, bindHost: 127.0.0.1}]
          # no bindHost: the starter puts its admin on loopback unless told otherwise
          adminConnectors: [{type: http, port: 0}]
          requestLog:
            appenders: [{type: file, currentLogFilename: %s, archive: false}]
        logging:
          type: external
        pipelines:
          events:
            format: csv
            storage: {bucket: spectrumflow-lake, prefix: api}
            partition: {field: event_time}
            catalog: {database: api, table: events}
            redshift: %s
          events-json:
            format: json
            storage: {bucket: spectrumflow-lake, prefix: api}
            partition: {field: event_time}
            catalog: {database: api, table: events_json}
            redshift: %s
          backfilled:
            format: json
            storage: {bucket: spectrumflow-lake, prefix: api}
            partition: {field: event_time}
            catalog: {database: api, table: backfilled}
            redshift: %s
          alerting:
            format: json
            storage: {bucket: spectrumflow-lake, prefix: api}
            partition: {field: event_time}
            catalog: {database: api, table: alerting}
            redshift: %s
            failureWebhook: %s
          limited:
            format: csv
            storage: {bucket: spectrumflow-lake, prefix: api}
            partition: {field: event_time}
            catalog: {database: api, table: limited}
            redshift: %s
            maxConcurrentRuns: 2
        %s"""
            .formatted(
                stack.stack.clientSettingsYaml(),
                StarterApi.TOKEN,
                dir.resolve(REQUEST_LOG),
                redshift,
                redshift,
                redshift,
                redshift,
                webhook,
                redshift,
                extraPipelines);
    return Files.writeString(
        dir.resolve(extraPipelines.isEmpty() ? "starter.yml" : "broken.yml"), yaml);
  }
}
