package io.spectrumflow.local.stack;

import io.spectrumflow.local.s3.FreePort;
import io.temporal.testserver.TestServer;

/**
 * The Temporal Java test server bound to a loopback port: real gRPC, so workers and clients connect
 * to it as to a cluster. Real time (no time skipping). Its state is in memory.
 */
public final class EmbeddedTemporal implements AutoCloseable {

  private final TestServer.PortBoundTestServer server;
  private final String target;

  private EmbeddedTemporal(TestServer.PortBoundTestServer server, String target) {
    this.server = server;
    this.target = target;
  }

  /**
   * Starts the server.
   *
   * @param port the port, or 0 for a free one
   */
  public static EmbeddedTemporal start(int port) {
    int chosen = port == 0 ? FreePort.find() : port;
    return new EmbeddedTemporal(
        TestServer.createPortBoundServer(chosen, true), "127.0.0.1:" + chosen);
  }

  /** {@code host:port} for {@code WorkflowServiceStubsOptions.setTarget}. */
  public String target() {
    return target;
  }

  @Override
  public void close() {
    server.close();
  }
}
