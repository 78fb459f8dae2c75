package io.spectrumflow.local.s3;

import io.spectrumflow.local.aws.contract.ContractLedger;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 protocol server on loopback: S3Proxy over a filesystem blob store. Buckets are folders
 * under the data directory, objects are files in them.
 */
public final class EmbeddedS3 implements AutoCloseable {

  /** The access key the embedded stack's clients sign with. */
  public static final String ACCESS_KEY = "spectrumflow";

  /** The secret key the embedded stack's clients sign with. */
  public static final String SECRET_KEY = "spectrumflow-local-secret";

  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final URI endpoint;
  private final S3Limits limits;
  private final ContractLedger contractLedger;

  private EmbeddedS3(
      S3Proxy proxy,
      BlobStoreContext context,
      URI endpoint,
      S3Limits limits,
      ContractLedger contractLedger) {
    this.proxy = proxy;
    this.context = context;
    this.endpoint = endpoint;
    this.limits = limits;
    this.contractLedger = contractLedger;
  }

  /**
   * Starts S3Proxy on {@code 127.0.0.1:port}.
   *
   * @param dataDir where buckets are kept; created if missing
   * @param port the port, or 0 for a free one
   */
  public static EmbeddedS3 start(Path dataDir, int port) throws Exception {
    Files.createDirectories(dataDir);
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", dataDir.toAbsolutePath().toString());
    BlobStoreContext context =
        ContextBuilder.newBuilder("filesystem-nio2")
            .credentials("identity", "credential")
            .overrides(properties)
            .build(BlobStoreContext.class);
    int chosen = port == 0 ? FreePort.find() : port;
    URI endpoint = URI.create("http://127.0.0.1:" + chosen);
    ContractLedger contractLedger = ContractLedger.forServer();
    BlobStore blobs = new AtomicPutBlobStore(context.getBlobStore(), dataDir.toAbsolutePath());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new UrlSafeListMarkers(new S3RequestCheck(blobs, contractLedger)))
            .endpoint(endpoint)
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            // the AWS SDK sends checksum headers S3Proxy does not know; they are safe to ignore
            .ignoreUnknownHeaders(true)
            .build();
    S3Limits limits = new S3Limits();
    S3LimitsFront.install(proxy, new S3LimitsHandler(limits, blobs));
    proxy.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        proxy.stop();
        context.close();
        throw new IOException("S3Proxy did not start on " + endpoint + ": " + proxy.getState());
      }
      Thread.sleep(10);
    }
    return new EmbeddedS3(proxy, context, endpoint, limits, contractLedger);
  }

  public URI endpoint() {
    return endpoint;
  }

  /** The S3 limits it enforces; tests may lower them or turn on a fault mode. */
  public S3Limits limits() {
    return limits;
  }

  /** The requests checked against S3's limits (see {@link S3RequestCheck}) and refusals. */
  public ContractLedger contractLedger() {
    return contractLedger;
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.stop();
    } finally {
      context.close();
    }
  }
}
