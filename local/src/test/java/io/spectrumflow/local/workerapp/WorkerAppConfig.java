package io.spectrumflow.local.workerapp;

import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.local.stack.ClientSettingsYaml;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A worker configuration file for the embedded stack: Temporal and AWS endpoints on its loopback
 * ports, the application on free ports, short timeouts so a lost host is noticed in seconds, and
 * the starter's sections beside the worker's as in the shared file.
 *
 * @param temporalTarget the stack's Temporal frontend
 * @param aws the stack's AWS endpoints
 * @param workDir the worker's directory for dumped files
 * @param healthCheckBuckets the buckets the S3 health check heads, or none for ListBuckets
 */
record WorkerAppConfig(
    String temporalTarget, AwsSettings aws, Path workDir, List<String> healthCheckBuckets) {

  WorkerAppConfig(String temporalTarget, AwsSettings aws, Path workDir) {
    this(temporalTarget, aws, workDir, List.of());
  }

  /** The same with the Glue and Redshift Data endpoints elsewhere. */
  WorkerAppConfig withGlueAndRedshiftDataAt(URI endpoint) {
    return new WorkerAppConfig(
        temporalTarget,
        new AwsSettings(
            aws.region(),
            aws.s3Endpoint(),
            endpoint,
            endpoint,
            aws.redshiftEndpoint(),
            aws.s3PathStyle()),
        workDir,
        healthCheckBuckets);
  }

  WorkerAppConfig withHealthCheckBuckets(List<String> buckets) {
    return new WorkerAppConfig(temporalTarget, aws, workDir, buckets);
  }

  Path writeTo(Path file) throws IOException {
    return Files.writeString(
        file,
        """
        %s
        worker:
          workDir: %s
          hostPickupTimeout: 2 seconds
          # The Temporal test server never moves a workflow task off a stopped worker's sticky queue.
          stickyQueueScheduleToStartTimeout: 0 seconds
          shutdownGracePeriod: 30 seconds
          metricsReportInterval: 200 milliseconds
          healthCheckBuckets: [%s]
        server:
          applicationConnectors: [{type: http, bindHost: 127.0.0.1, port: 0}]
          adminConnectors: [{type: http, port: 0}]   # the worker puts it on loopback
          requestLog: {appenders: []}
        logging:
          type: external    # keep the tests' logback configuration
        pipelines:
          events: {format: csv}
        starter:
          anything: the worker ignores it
        """
            .formatted(
                ClientSettingsYaml.of(temporalTarget, aws),
                workDir,
                String.join(", ", healthCheckBuckets)));
  }
}
