package io.spectrumflow.starter.staging;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a request body to a temporary file in a folder of its own, refusing it once it grows past
 * the limit. A starter killed mid-request leaves its file behind: at start-up the folder (and the
 * system temp folder, where earlier versions wrote them) is rid of body files nobody has written to
 * for a while.
 */
public final class BodyIntake implements Managed {

  private static final Logger log = LoggerFactory.getLogger(BodyIntake.class);
  private static final String GLOB = "spectrumflow-body-*.part";

  /** A body still being received is written to all the time; one untouched this long is left. */
  static final Duration STALE = Duration.ofMinutes(10);

  private final long maxBytes;
  private final Path folder;
  private final Clock clock;

  /** Bodies go to {@code <java.io.tmpdir>/spectrumflow-bodies/}. */
  public BodyIntake(long maxBytes) {
    this(maxBytes, defaultFolder(), Clock.systemUTC());
  }

  public BodyIntake(long maxBytes, Path folder, Clock clock) {
    this.maxBytes = maxBytes;
    this.folder = folder;
    this.clock = clock;
  }

  static Path defaultFolder() {
    return Path.of(System.getProperty("java.io.tmpdir"), "spectrumflow-bodies");
  }

  /** Thrown when a body is larger than the limit; nothing of it is kept. */
  public static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the body is larger than the limit of " + limit + " bytes");
    }
  }

  /**
   * A body taken in.
   *
   * @param file the temporary file; the caller deletes it
   * @param digest its {@link BodyDigest}
   */
  public record Body(Path file, String digest) {}

  public Body take(InputStream body) throws IOException, TooLarge {
    Files.createDirectories(folder);
    Path file = Files.createTempFile(folder, "spectrumflow-body-", ".part");
    MessageDigest digest = BodyDigest.sha256();
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = body.read(buffer)) >= 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new TooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
        digest.update(buffer, 0, n);
      }
      return new Body(file, BodyDigest.hex(digest));
    } catch (IOException | TooLarge | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  @Override
  public void start() throws IOException {
    Files.createDirectories(folder);
    int deleted = deleteStale(folder);
    Path systemTemp = Path.of(System.getProperty("java.io.tmpdir"));
    if (!systemTemp.equals(folder)) {
      deleted += deleteStale(systemTemp);
    }
    if (deleted > 0) {
      log.info("deleted {} body files left by requests that never finished", deleted);
    }
  }

  /** Deletes the body files in a folder untouched for {@link #STALE}; returns how many. */
  int deleteStale(Path dir) throws IOException {
    FileTime cutoff = FileTime.from(clock.instant().minus(STALE));
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, GLOB)) {
      for (Path file : files) {
        try {
          if (Files.isRegularFile(file)
              && Files.getLastModifiedTime(file).compareTo(cutoff) < 0
              && Files.deleteIfExists(file)) {
            deleted++;
          }
        } catch (IOException e) {
          log.warn("could not delete the stale body file {}: {}", file, e.toString());
        }
      }
    }
    return deleted;
  }

  @Override
  public void stop() {}
}
