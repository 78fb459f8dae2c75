package io.spectrumflow.starter.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a request body to a temporary file, refusing it once it grows past the limit. */
public final class BodyIntake {

  private final long maxBytes;

  public BodyIntake(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Thrown when a body is larger than the limit; nothing of it is kept. */
  public static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the body is larger than the limit of " + limit + " bytes");
    }
  }

  /**
   * @return the body in a temporary file; the caller deletes it
   */
  public Path take(InputStream body) throws IOException, TooLarge {
    Path file = Files.createTempFile("spectrumflow-body-", ".part");
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = body.read(buffer)) >= 0; ) {
        total += n;
        if (total > maxBytes) {
          throw new TooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
      }
      return file;
    } catch (IOException | TooLarge | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
