package io.spectrumflow.local.aws.glue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table in memory: its current definition, the archived versions (oldest first, the current one
 * last) and its partitions by values. Guarded by the {@link GlueCatalog}'s lock.
 */
final class CatalogTable {

  ObjectNode json;
  final List<ObjectNode> versions = new ArrayList<>();
  final Map<List<String>, ObjectNode> partitions = new HashMap<>();

  CatalogTable(ObjectNode json) {
    this.json = json;
  }

  String versionId() {
    return json.path("VersionId").asText("0");
  }
}
