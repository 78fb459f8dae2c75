package io.spectrumflow.local.stack;

import io.spectrumflow.local.temporal.TemporalFront;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import io.temporal.testserver.TestServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Temporal on a loopback port: the Temporal Java test server (in process, real time, no time
 * skipping) behind {@link TemporalFront}, which adds what the test server lacks (visibility
 * queries, the search attribute registry, schedules), so that workers and clients use it as a
 * cluster. Spectrumflow's search attributes are registered. Its state is in memory.
 */
public final class EmbeddedTemporal implements AutoCloseable {

  private final TestServer.InProcessTestServer server;
  private final TemporalFront front;

  private EmbeddedTemporal(TestServer.InProcessTestServer server, TemporalFront front) {
    this.server = server;
    this.front = front;
  }

  /**
   * Starts the server.
   *
   * @param port the port, or 0 for a free one
   */
  public static EmbeddedTemporal start(int port) {
    TestServer.InProcessTestServer server = TestServer.createServer(true);
    TemporalFront front = null;
    try {
      front =
          TemporalFront.start(
              server.getChannel(), new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      front.searchAttributes().add("default", spectrumflowAttributes());
      return new EmbeddedTemporal(server, front);
    } catch (RuntimeException | Error e) {
      if (front != null) {
        front.close();
      }
      server.close();
      throw e;
    }
  }

  private static Map<String, IndexedValueType> spectrumflowAttributes() {
    Map<String, IndexedValueType> attributes = new LinkedHashMap<>();
    for (SearchAttributeKey<?> key : ExportSearchAttributes.all()) {
      attributes.put(key.getName(), key.getValueType());
    }
    return attributes;
  }

  /** {@code host:port} for {@code WorkflowServiceStubsOptions.setTarget}. */
  public String target() {
    return "127.0.0.1:" + front.port();
  }

  @Override
  public void close() {
    try {
      front.close();
    } finally {
      server.close();
    }
  }
}
