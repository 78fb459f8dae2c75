package io.spectrumflow.local.aws.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.spectrumflow.local.aws.http.AwsJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * JSON files written whole or not at all: a temporary file beside the target, then a rename, so a
 * crash never leaves half a file for the next start to read.
 */
public final class AtomicJsonFile {

  private AtomicJsonFile() {}

  public static void write(Path file, JsonNode content) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".tmp-", ".json");
      try {
        AwsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), content);
        move(temp, file);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The file's JSON, or null when there is no such file. */
  public static JsonNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return AwsJson.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void move(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
