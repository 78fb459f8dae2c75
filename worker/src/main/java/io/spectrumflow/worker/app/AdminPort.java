package io.spectrumflow.worker.app;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;

/**
 * The worker's admin endpoints (health checks, metrics, threads): on their own connector, on
 * loopback unless the file names another host, and without tasks. The tasks (log levels, a full GC)
 * would let anyone who reaches the port change the running worker, and the worker has no credential
 * to ask for; log levels come from the configuration file.
 */
final class AdminPort {

  private AdminPort() {}

  static void configure(ServerFactory server, Environment environment) {
    if (!(server instanceof DefaultServerFactory factory)) {
      throw new IllegalStateException(
          "server.type: the admin endpoints need their own connector: use the default server type"
              + " with applicationConnectors and adminConnectors (the admin on 127.0.0.1), as in"
              + " config/local.yml");
    }
    for (ConnectorFactory connector : factory.getAdminConnectors()) {
      // Jetty's default is every interface
      if (connector instanceof HttpConnectorFactory http && http.getBindHost() == null) {
        http.setBindHost("127.0.0.1");
      }
    }
    environment
        .admin()
        .addFilter("tasks-off", new TasksOff())
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/tasks/*");
  }

  /** Answers every task request 404, saying why. */
  private static final class TasksOff implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      ((HttpServletResponse) response)
          .sendError(
              HttpServletResponse.SC_NOT_FOUND,
              "the worker's admin tasks are off; set log levels in the configuration file");
    }
  }
}
