package io.spectrumflow.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.Duration;
import io.spectrumflow.worker.app.SpectrumflowWorkerApplication;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The worker's sections of the configuration file: what is read, and what start-up refuses. */
class WorkerConfigurationTest {

  private static final String VALID =
      """
      temporal:
        target: temporal.example:7233
      aws:
        region: eu-central-1
      worker:
        workDir: /var/lib/spectrumflow
      """;

  private final Bootstrap<WorkerConfiguration> bootstrap = bootstrap();

  /** As the application reads its file: strict about unknown keys where not told otherwise. */
  private final ConfigurationFactory<WorkerConfiguration> factory =
      bootstrap
          .getConfigurationFactoryFactory()
          .create(
              WorkerConfiguration.class,
              bootstrap.getValidatorFactory().getValidator(),
              bootstrap.getObjectMapper(),
              "dw");

  @Test
  void readsTheExampleWithVariablesSubstitutedAndTheStartersSectionsIgnored() throws Exception {
    WorkerConfiguration config =
        factory.build(
            new SubstitutingSourceProvider(
                new ResourceConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false)),
            "worker-example.yml");

    assertThat(config.getTemporal().target())
        .isEqualTo(System.getenv().getOrDefault("TEMPORAL_ADDRESS", "127.0.0.1:7233"));
    assertThat(config.getTemporal().namespace()).isEqualTo("default");
    assertThat(config.getAws().region()).isEqualTo("us-east-1");
    assertThat(config.getAws().s3Endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(config.getAws().s3PathStyle()).isTrue();
    assertThat(config.getWorker().getHostPickupTimeout()).isEqualTo(Duration.seconds(90));
    assertThat(config.getWorker().getStickyQueueScheduleToStartTimeout())
        .isEqualTo(Duration.seconds(5));
    assertThat(config.getWorker().getShutdownGracePeriod()).isEqualTo(Duration.seconds(45));
    assertThat(config.getWorker().getMetricsReportInterval()).isEqualTo(Duration.seconds(5));
    assertThat(config.getWorker().getHealthCheckBuckets()).containsExactly("spectrumflow-lake");
    assertThat(config.workerSettings().workDir())
        .isEqualTo(
            Path.of(System.getenv().getOrDefault("SPECTRUMFLOW_WORK_DIR", ".spectrumflow/work")));
  }

  @Test
  void theApplicationSubstitutesEnvironmentVariablesWithDefaults() throws Exception {
    WorkerConfiguration config =
        factory.build(
            bootstrap.getConfigurationSourceProvider(),
            "temporal:\n"
                + "  namespace: ${SPECTRUMFLOW_TEST_SURELY_UNSET:-exports}\n"
                + "aws: {region: us-east-1}\n"
                + "worker: {workDir: /tmp/work}\n");

    assertThat(config.getTemporal().namespace()).isEqualTo("exports");
  }

  @Test
  void defaultsForWhatIsLeftOut() throws Exception {
    WorkerConfiguration config = load("aws: {region: us-east-1}\nworker: {workDir: /tmp/work}\n");

    assertThat(config.getTemporal().target()).isEqualTo("127.0.0.1:7233");
    assertThat(config.getTemporal().namespace()).isEqualTo("default");
    assertThat(config.getAws().s3Endpoint()).isNull();
    assertThat(config.getWorker().getHostPickupTimeout()).isEqualTo(Duration.minutes(2));
    assertThat(config.getWorker().getShutdownGracePeriod()).isEqualTo(Duration.seconds(30));
    assertThat(config.getWorker().getHealthCheckBuckets()).isEmpty();
  }

  @Test
  void aMissingSectionIsNamed() {
    assertRefused("worker: {workDir: /tmp/work}\n", "aws must not be null");
    assertRefused("aws: {region: us-east-1}\n", "worker must not be null");
    assertRefused(VALID.replace("  workDir: /var/lib/spectrumflow\n", "  {}\n"), "worker.workDir");
  }

  @Test
  void aBadRegionIsNamedWithItsValue() {
    assertRefused(
        VALID.replace("region: eu-central-1", "region: Frankfurt"),
        "aws.region 'Frankfurt' is not an AWS region name such as us-east-1");
    assertRefused(VALID.replace("region: eu-central-1", "region: ''"), "aws.region must be set");
  }

  @Test
  void anEndpointThatIsNotAnHttpUrlIsNamed() {
    assertRefused(
        VALID.replace(
            "region: eu-central-1", "region: eu-central-1\n  glueEndpoint: localhost:4566"),
        "aws.glueEndpoint 'localhost:4566' is not an http(s) URL");
  }

  @Test
  void aTemporalTargetWithoutPortIsNamed() {
    assertRefused(
        VALID.replace("temporal.example:7233", "temporal.example"),
        "temporal.target 'temporal.example' is not host:port");
  }

  @Test
  void durationsOutOfRangeAreNamed() {
    assertRefused(
        VALID + "  hostPickupTimeout: 10 milliseconds\n", "worker.hostPickupTimeout must be");
    assertRefused(VALID + "  shutdownGracePeriod: 2 days\n", "worker.shutdownGracePeriod must be");
    assertRefused(VALID + "  hostPickupTimeout: soon\n", "worker.hostPickupTimeout");
  }

  @Test
  void unknownKeysInsideTheWorkersSectionsAreRefused() {
    assertRefused(VALID + "  hostPickupTimout: 1 minute\n", "worker.hostPickupTimout");
    assertRefused(VALID.replace("target:", "tagret:"), "temporal.tagret");
  }

  @Test
  void templateCharactersInAValueAreQuotedNotEvaluated() {
    assertRefused(
        VALID.replace("region: eu-central-1", "region: \"${1+1}{x}\""),
        "aws.region '${1+1}{x}' is not an AWS region name");
  }

  private void assertRefused(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(message);
  }

  private WorkerConfiguration load(String yaml) throws Exception {
    return factory.build(text(), yaml);
  }

  /** Reads the "path" as the file's text. */
  private static ConfigurationSourceProvider text() {
    return yaml -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static Bootstrap<WorkerConfiguration> bootstrap() {
    SpectrumflowWorkerApplication application = new SpectrumflowWorkerApplication();
    Bootstrap<WorkerConfiguration> bootstrap = new Bootstrap<>(application);
    bootstrap.setConfigurationSourceProvider(text());
    application.initialize(bootstrap);
    return bootstrap;
  }
}
