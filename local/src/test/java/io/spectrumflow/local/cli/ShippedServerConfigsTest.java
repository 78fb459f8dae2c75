package io.spectrumflow.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.spectrumflow.starter.app.StarterConfiguration;
import io.spectrumflow.worker.config.WorkerConfiguration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration files we ship give the admin endpoints their own connector on loopback, on
 * another port than the API, for the starter and the worker alike.
 */
class ShippedServerConfigsTest {

  @Test
  void theStarterFilesPutTheAdminOnItsOwnLoopbackPort() throws Exception {
    for (String file : List.of("../config/local.yml", "../docker/starter.yml")) {
      assertAdminOnLoopback(file, server(StarterConfiguration.class, file), 8080, 8081);
    }
  }

  @Test
  void theWorkerFilesPutTheAdminOnItsOwnLoopbackPort() throws Exception {
    assertAdminOnLoopback(
        "../docker/worker.yml",
        server(WorkerConfiguration.class, "../docker/worker.yml"),
        8090,
        8091);
  }

  @Test
  void spectrumflowWorkerMovesBothPortsOffTheStarters() throws Exception {
    Map<String, String> overrides = WorkerAppCommand.portOverrides(Map.of());
    overrides.forEach(System::setProperty);
    try {
      assertAdminOnLoopback(
          "../config/local.yml",
          server(WorkerConfiguration.class, "../config/local.yml"),
          8090,
          8091);
    } finally {
      overrides.keySet().forEach(System::clearProperty);
    }
    assertThat(WorkerAppCommand.portOverrides(Map.of("HTTP_PORT", "0", "ADMIN_PORT", "0")))
        .isEmpty();
  }

  private static void assertAdminOnLoopback(
      String file, DefaultServerFactory server, int appPort, int adminPort) {
    assertThat(server.getAdminConnectors()).as(file).isNotEmpty();
    for (ConnectorFactory connector : server.getAdminConnectors()) {
      HttpConnectorFactory http = (HttpConnectorFactory) connector;
      assertThat(http.getBindHost()).as(file + ": admin bind host").isEqualTo("127.0.0.1");
      assertThat(http.getPort()).as(file + ": admin port").isEqualTo(adminPort);
    }
    assertThat(server.getApplicationConnectors())
        .as(file + ": application ports")
        .map(c -> ((HttpConnectorFactory) c).getPort())
        .containsExactly(appPort);
  }

  /** The file's server section, with the environment substituted as the applications do. */
  private static <C extends Configuration> DefaultServerFactory server(Class<C> type, String file)
      throws Exception {
    // no validator: the files leave secrets (the API token) to the environment
    C config =
        new YamlConfigurationFactory<>(type, null, Jackson.newObjectMapper(), "dw")
            .build(
                new SubstitutingSourceProvider(
                    new FileConfigurationSourceProvider(),
                    new EnvironmentVariableSubstitutor(false)),
                file);
    assertThat(config.getServerFactory()).as(file).isInstanceOf(DefaultServerFactory.class);
    return (DefaultServerFactory) config.getServerFactory();
  }
}
