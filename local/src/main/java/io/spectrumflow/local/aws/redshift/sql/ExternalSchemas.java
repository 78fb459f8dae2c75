package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.store.AtomicJsonFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The external schemas of one Redshift database, kept in a JSON file beside its DuckDB file. */
final class ExternalSchemas {

  private final Path file;
  private final Map<String, ExternalSchema> schemas = new TreeMap<>();

  ExternalSchemas(Path file) {
    this.file = file;
    JsonNode stored = AtomicJsonFile.read(file);
    if (stored != null) {
      stored.properties().forEach(e -> schemas.put(e.getKey(), read(e.getValue())));
    }
  }

  synchronized Optional<ExternalSchema> get(String name) {
    return Optional.ofNullable(schemas.get(name));
  }

  synchronized Set<String> names() {
    return Set.copyOf(schemas.keySet());
  }

  synchronized Map<String, ExternalSchema> all() {
    return Map.copyOf(schemas);
  }

  /** Adds the schema unless one of its name exists; false when one does. */
  synchronized boolean add(ExternalSchema schema) {
    if (schemas.containsKey(schema.name())) {
      return false;
    }
    schemas.put(schema.name(), schema);
    save();
    return true;
  }

  synchronized void remove(String name) {
    schemas.remove(name);
    save();
  }

  private void save() {
    ObjectNode json = AwsJson.object();
    schemas.forEach((name, schema) -> json.set(name, AwsJson.MAPPER.valueToTree(schema)));
    AtomicJsonFile.write(file, json);
  }

  private static ExternalSchema read(JsonNode json) {
    return AwsJson.MAPPER.convertValue(json, ExternalSchema.class);
  }
}
