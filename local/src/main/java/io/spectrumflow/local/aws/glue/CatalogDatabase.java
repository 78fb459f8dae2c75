package io.spectrumflow.local.aws.glue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/** A database in memory with its tables by name. Guarded by the {@link GlueCatalog}'s lock. */
final class CatalogDatabase {

  ObjectNode json;
  final Map<String, CatalogTable> tables = new TreeMap<>();

  CatalogDatabase(ObjectNode json) {
    this.json = json;
  }
}
