package io.spectrumflow.local.aws;

import java.nio.file.Path;
import java.util.Objects;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to run the Glue + Redshift Data API stand-in.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port the port, or 0 for a free one
 * @param dataDir where the Glue catalog, the Redshift databases and the S3 cache are kept
 * @param s3 the client Spectrum queries read S3 with; owned by the caller
 */
public record StandInSettings(String host, int port, Path dataDir, S3Client s3) {

  public StandInSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(s3, "s3");
  }
}
