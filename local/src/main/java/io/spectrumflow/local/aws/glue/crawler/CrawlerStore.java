package io.spectrumflow.local.aws.glue.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.store.AtomicJsonFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Crawlers on disk, one JSON file each: {@code dir/<url-encoded name>.json}. */
final class CrawlerStore {

  private final Path dir;

  CrawlerStore(Path dir) {
    this.dir = dir;
  }

  List<ObjectNode> load() {
    List<ObjectNode> crawlers = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return crawlers;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        // leftovers of an interrupted write start with a dot
        if (!name.startsWith(".") && name.endsWith(".json")) {
          JsonNode json = AtomicJsonFile.read(file);
          if (json != null && json.isObject()) {
            crawlers.add((ObjectNode) json);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return crawlers;
  }

  void save(String name, ObjectNode stored) {
    AtomicJsonFile.write(file(name), stored);
  }

  void delete(String name) {
    try {
      Files.deleteIfExists(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete crawler " + name, e);
    }
  }

  private Path file(String name) {
    String encoded =
        URLEncoder.encode(name, StandardCharsets.UTF_8).replace(".", "%2E").replace("*", "%2A");
    return dir.resolve(encoded + ".json");
  }
}
