package io.spectrumflow.local.aws.glue;

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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where the catalog lives on disk, one JSON file per object so that a change rewrites only what
 * changed:
 *
 * <pre>
 * root/&lt;db&gt;/database.json
 * root/&lt;db&gt;/tables/&lt;table&gt;/table.json
 * root/&lt;db&gt;/tables/&lt;table&gt;/versions/&lt;versionId&gt;.json
 * root/&lt;db&gt;/tables/&lt;table&gt;/partitions/p-&lt;value&gt;,&lt;value&gt;.json
 * </pre>
 *
 * Names and values are URL-encoded into file names. Files are replaced atomically; a folder is
 * renamed away before it is deleted, so a crash leaves either the old state or the new.
 */
final class CatalogFiles {

  private static final String JSON = ".json";

  private final Path root;

  CatalogFiles(Path root) {
    this.root = root;
  }

  /** Everything stored, for the catalog to start from. */
  Map<String, CatalogDatabase> load() {
    Map<String, CatalogDatabase> databases = new TreeMap<>();
    for (Path dbDir : children(root)) {
      JsonNode db = AtomicJsonFile.read(dbDir.resolve("database.json"));
      if (db == null) {
        continue;
      }
      CatalogDatabase database = new CatalogDatabase((ObjectNode) db);
      for (Path tableDir : children(dbDir.resolve("tables"))) {
        CatalogTable table = loadTable(tableDir);
        if (table != null) {
          database.tables.put(table.json.path("Name").asText(), table);
        }
      }
      databases.put(database.json.path("Name").asText(), database);
    }
    return databases;
  }

  private static CatalogTable loadTable(Path tableDir) {
    JsonNode json = AtomicJsonFile.read(tableDir.resolve("table.json"));
    if (json == null) {
      return null;
    }
    CatalogTable table = new CatalogTable((ObjectNode) json);
    children(tableDir.resolve("versions")).stream()
        .map(AtomicJsonFile::read)
        .map(ObjectNode.class::cast)
        .sorted(Comparator.comparingLong(v -> Long.parseLong(v.path("VersionId").asText("0"))))
        .forEach(table.versions::add);
    for (Path file : children(tableDir.resolve("partitions"))) {
      ObjectNode partition = (ObjectNode) AtomicJsonFile.read(file);
      table.partitions.put(values(partition), partition);
    }
    return table;
  }

  void saveDatabase(ObjectNode database) {
    AtomicJsonFile.write(databaseDir(name(database)).resolve("database.json"), database);
  }

  void deleteDatabase(String database) {
    deleteTree(databaseDir(database));
  }

  void saveTable(String database, ObjectNode table) {
    AtomicJsonFile.write(tableDir(database, name(table)).resolve("table.json"), table);
  }

  void saveVersion(String database, ObjectNode table) {
    String versionId = table.path("VersionId").asText("0");
    Path file = tableDir(database, name(table)).resolve("versions").resolve(versionId + JSON);
    AtomicJsonFile.write(file, table);
  }

  void deleteTable(String database, String table) {
    deleteTree(tableDir(database, table));
  }

  void savePartition(String database, String table, ObjectNode partition) {
    AtomicJsonFile.write(partitionFile(database, table, values(partition)), partition);
  }

  void deletePartition(String database, String table, List<String> values) {
    try {
      Files.deleteIfExists(partitionFile(database, table, values));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> values(JsonNode partition) {
    List<String> values = new ArrayList<>();
    partition.path("Values").forEach(v -> values.add(v.asText()));
    return values;
  }

  private static String name(JsonNode json) {
    return json.path("Name").asText();
  }

  private Path databaseDir(String database) {
    return root.resolve(encode(database));
  }

  private Path tableDir(String database, String table) {
    return databaseDir(database).resolve("tables").resolve(encode(table));
  }

  private Path partitionFile(String database, String table, List<String> values) {
    List<String> encoded = values.stream().map(CatalogFiles::encode).toList();
    return tableDir(database, table)
        .resolve("partitions")
        .resolve("p-" + String.join(",", encoded) + JSON);
  }

  /** A name as a safe file name: URL-encoded, with dots encoded too so "." and ".." stay names. */
  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace(".", "%2E").replace("*", "%2A");
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      // leftovers of an interrupted write or delete start with a dot
      return list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Path doomed = dir.resolveSibling(".deleted-" + UUID.randomUUID());
      Files.move(dir, doomed);
      try (Stream<Path> walk = Files.walk(doomed)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
