package io.spectrumflow.local.moto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * moto's server ({@code moto.server}, through {@code moto_server.py}) on a free loopback port, as
 * an independent S3, Glue, Redshift and IAM: started with {@code INITIAL_NO_AUTH_ACTION_COUNT} so
 * that, after the calls that create the admin user, every request must be signed by an IAM user's
 * keys and is checked against that user's policies.
 */
final class MotoServer implements AutoCloseable {

  /** The unsigned calls {@link MotoIam#bootstrap} makes: CreateUser, PutUserPolicy, CreateKey. */
  static final int UNSIGNED_CALLS = 3;

  private final Process process;
  private final URI endpoint;

  private MotoServer(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  static MotoServer start(Path log) throws IOException, InterruptedException {
    int port = freePort();
    // moto's own server, with moto_server.py's one fix to how it re-encodes paths it verifies
    Path launcher = log.resolveSibling("moto_server.py");
    try (InputStream in = MotoServer.class.getResourceAsStream("/moto/moto_server.py")) {
      Files.copy(in, launcher, StandardCopyOption.REPLACE_EXISTING);
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                "python3", launcher.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("INITIAL_NO_AUTH_ACTION_COUNT", String.valueOf(UNSIGNED_CALLS));
    builder.environment().put("AWS_DEFAULT_REGION", MotoIam.REGION);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException(
          "python3 not found: the moto suite needs moto (pip install 'moto[server]')", e);
    }
    MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port));
    server.awaitPort(port, log);
    return server;
  }

  URI endpoint() {
    return endpoint;
  }

  private void awaitPort(int port, Path log) throws InterruptedException, IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "moto's server exited (is moto installed? pip install 'moto[server]'); see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IOException("moto's server did not listen on port " + port + " in 30 s; see " + log);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
