package io.spectrumflow.starter.app;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.spectrumflow.starter.api.TokenAuthenticator;
import io.spectrumflow.starter.config.ConfigException;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/**
 * The starter's admin endpoints (health checks, metrics, threads, tasks): on their own connector,
 * on loopback unless the file names another host, and behind the API token but for the health
 * checks and ping.
 */
final class AdminPort {

  private static final String LOOPBACK = "127.0.0.1";

  private AdminPort() {}

  static void configure(
      ServerFactory server, Environment environment, TokenAuthenticator authenticator) {
    if (!(server instanceof DefaultServerFactory factory)) {
      throw new ConfigException(
          "server.type: the admin endpoints need their own connector: use the default server type"
              + " with applicationConnectors and adminConnectors (the admin on 127.0.0.1), as in"
              + " config/local.yml");
    }
    for (ConnectorFactory connector : factory.getAdminConnectors()) {
      // Jetty's default is every interface
      if (connector instanceof HttpConnectorFactory http && http.getBindHost() == null) {
        http.setBindHost(LOOPBACK);
      }
    }
    environment
        .admin()
        .addFilter("api-token", new AdminTokenFilter(authenticator))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
  }
}
