package io.spectrumflow.starter.app;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.starter.api.ApiCaller;
import io.spectrumflow.starter.api.BackfillResource;
import io.spectrumflow.starter.api.BatchesResource;
import io.spectrumflow.starter.api.BearerHeader;
import io.spectrumflow.starter.api.BearerHeaderAuthFilter;
import io.spectrumflow.starter.api.JsonUnauthorizedHandler;
import io.spectrumflow.starter.api.RunsResource;
import io.spectrumflow.starter.api.SchedulesResource;
import io.spectrumflow.starter.api.TokenAuthenticator;
import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.dashboard.Dashboard;
import io.spectrumflow.starter.dashboard.DashboardResource;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.schedules.PipelineSchedules;
import io.spectrumflow.starter.staging.BodyIntake;
import io.spectrumflow.starter.staging.StagingArea;
import java.time.Clock;
import java.time.Duration;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * The starter: an HTTP API that stages batches and starts their runs, shows runs, and manages
 * pipelines' schedules and backfills.
 */
public class SpectrumflowStarterApplication extends Application<StarterConfiguration> {

  public static void main(String[] args) throws Exception {
    new SpectrumflowStarterApplication().run(args);
  }

  @Override
  public String getName() {
    return "spectrumflow-starter";
  }

  @Override
  public void initialize(Bootstrap<StarterConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
  }

  @Override
  public void run(StarterConfiguration config, Environment environment) {
    Pipelines pipelines = config.pipelines(); // a bad pipeline setting stops start-up here
    TokenAuthenticator authenticator = new TokenAuthenticator(config.getStarter().authToken());
    keepTheTokenSecret(config, environment, authenticator);
    Clock clock = Clock.systemUTC();

    AwsClients aws = new AwsClients(config.getAws());
    environment.lifecycle().manage(new ClosingManaged(aws));
    TemporalConnection temporal = new TemporalConnection(config.getTemporal());
    environment.lifecycle().manage(temporal);
    SearchAttributeRegistration.ensure(temporal.service(), config.getTemporal().namespace());

    StagingArea staging =
        new StagingArea(aws.s3(), aws.s3Transfers(), config.getStarter().staging());
    ExportRuns runs = new ExportRuns(temporal.client());
    RunLookup lookup = new RunLookup(temporal.client());
    PipelineSchedules schedules =
        new PipelineSchedules(
            temporal.schedules(), staging, config.getStarter().maxInputsPerScheduledRun());
    environment.lifecycle().manage(new ConfiguredSchedules(pipelines, schedules));
    environment
        .lifecycle()
        .manage(
            new StagingRetention(
                staging,
                lookup,
                pipelines.names(),
                Duration.ofDays(config.getStarter().stagingRetentionDays()),
                clock));

    environment
        .jersey()
        .register(
            new AuthDynamicFeature(
                new BearerHeaderAuthFilter.Builder<ApiCaller>()
                    .setAuthenticator(authenticator)
                    .setPrefix(BearerHeader.scheme())
                    .setRealm("spectrumflow")
                    .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                    .buildAuthFilter()));
    environment.jersey().register(RolesAllowedDynamicFeature.class);
    BodyIntake intake = new BodyIntake(config.getStarter().maxBody().toBytes());
    environment.lifecycle().manage(intake); // deletes bodies of requests killed mid-way
    environment
        .jersey()
        .register(new BatchesResource(pipelines, staging, runs, lookup, intake, clock));
    environment.jersey().register(new RunsResource(lookup));
    environment.jersey().register(new SchedulesResource(pipelines, schedules));
    environment.jersey().register(new BackfillResource(pipelines, staging, runs, lookup));
    environment
        .jersey()
        .register(
            new DashboardResource(
                new Dashboard(
                    pipelines,
                    schedules,
                    lookup,
                    temporal.client(),
                    config.getStarter().dashboard(),
                    config.getStarter().temporalUiUrl(),
                    clock)));
    environment
        .healthChecks()
        .register(
            "temporal", new TemporalHealthCheck(temporal.service(), config.getTemporal().target()));
  }

  /**
   * The token is taken from the Authorization header only (see {@link BearerHeaderAuthFilter}), no
   * log line shows it whatever the levels, the request log shows no query strings, and the admin
   * port (its own connector, on loopback by default) needs it except for health checks and ping.
   */
  private static void keepTheTokenSecret(
      StarterConfiguration config, Environment environment, TokenAuthenticator authenticator) {
    TokenLogFilter.install(config.getStarter().authToken());
    QuerylessRequestLog.apply(config.getServerFactory());
    AdminPort.configure(config.getServerFactory(), environment, authenticator);
  }
}
