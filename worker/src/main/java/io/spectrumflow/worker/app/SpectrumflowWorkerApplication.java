package io.spectrumflow.worker.app;

import com.codahale.metrics.MetricRegistry;
import com.uber.m3.tally.Scope;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.worker.ExportWorker;
import io.spectrumflow.worker.ExportWorkerOptions;
import io.spectrumflow.worker.config.WorkerConfiguration;
import io.spectrumflow.worker.config.WorkerSection;
import io.spectrumflow.worker.health.GlueHealthCheck;
import io.spectrumflow.worker.health.RedshiftDataHealthCheck;
import io.spectrumflow.worker.health.S3HealthCheck;
import io.spectrumflow.worker.health.TemporalHealthCheck;
import io.spectrumflow.worker.metrics.ActivityLogInterceptor;
import io.spectrumflow.worker.metrics.ActivityTimingInterceptor;
import io.spectrumflow.worker.metrics.TemporalSdkMetrics;
import io.temporal.common.interceptors.WorkerInterceptor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker process: {@code java ... SpectrumflowWorkerApplication server config.yml}. Runs the
 * export workflows and activities with the Temporal frontend and AWS endpoints of the file, and
 * serves health checks and metrics on the admin port (its own connector, on loopback by default; no
 * tasks).
 */
public class SpectrumflowWorkerApplication extends Application<WorkerConfiguration> {

  private static final Logger log = LoggerFactory.getLogger(SpectrumflowWorkerApplication.class);

  public static void main(String[] args) throws Exception {
    new SpectrumflowWorkerApplication().run(args);
  }

  @Override
  public String getName() {
    return "spectrumflow-worker";
  }

  @Override
  public void initialize(Bootstrap<WorkerConfiguration> bootstrap) {
    // ${VAR} and ${VAR:-default} in the file; an unset variable without a default is left as is.
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
  }

  @Override
  public void run(WorkerConfiguration configuration, Environment environment) {
    LibraryLogLevels.apply();
    AdminPort.configure(configuration.getServerFactory(), environment);
    WorkerSection section = configuration.getWorker();
    MetricRegistry metrics = environment.metrics();
    Scope sdkMetrics =
        TemporalSdkMetrics.reportingInto(
            metrics, section.getMetricsReportInterval().toJavaDuration());
    ExportWorker worker =
        new ExportWorker(
            configuration.workerSettings(),
            ExportWorkerOptions.DEFAULTS
                .withMetricsScope(sdkMetrics)
                .withWorkerInterceptors(workerInterceptors(metrics))
                .withHostPickupTimeout(section.getHostPickupTimeout().toJavaDuration())
                .withStickyQueueScheduleToStartTimeout(
                    section.getStickyQueueScheduleToStartTimeout().toJavaDuration()));
    environment
        .lifecycle()
        .manage(
            new ManagedExportWorker(
                worker, sdkMetrics, section.getShutdownGracePeriod().toJavaDuration()));

    AwsSettings awsSettings = configuration.getAws();
    log.info(
        "worker for Temporal {} (namespace {}), AWS {}, files in {}; uploads wait {} for their"
            + " host, stopping waits {} for running activities",
        configuration.getTemporal().target(),
        configuration.getTemporal().namespace(),
        awsSettings,
        section.getWorkDir(),
        section.getHostPickupTimeout(),
        section.getShutdownGracePeriod());
    AwsClients aws = worker.aws();
    environment
        .healthChecks()
        .register(
            "temporal",
            new TemporalHealthCheck(worker.service(), configuration.getTemporal().target()));
    environment
        .healthChecks()
        .register("s3", new S3HealthCheck(aws.s3(), awsSettings, section.getHealthCheckBuckets()));
    environment.healthChecks().register("glue", new GlueHealthCheck(aws.glue(), awsSettings));
    environment
        .healthChecks()
        .register("redshift-data", new RedshiftDataHealthCheck(aws.redshiftData(), awsSettings));
  }

  /**
   * What runs around every activity: timings into the registry and a log line each. Tests add their
   * own (to slow a step down, say).
   */
  protected List<WorkerInterceptor> workerInterceptors(MetricRegistry metrics) {
    return List.of(new ActivityTimingInterceptor(metrics), new ActivityLogInterceptor());
  }
}
