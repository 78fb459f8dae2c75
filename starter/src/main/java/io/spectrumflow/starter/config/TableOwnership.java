package io.spectrumflow.starter.config;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One table, one pipeline: two pipelines whose S3 table folders overlap, or that name the same Glue
 * table, would overwrite, crawl and roll back each other's objects (their keys carry the batch id,
 * not the pipeline), so such a configuration is refused.
 */
final class TableOwnership {

  private TableOwnership() {}

  /** Throws a {@link ConfigException} naming both pipelines of the first overlap. */
  static void requireOneOwnerPerTable(Map<String, PipelineSpec> specs) {
    List<PipelineSpec> seen = new ArrayList<>();
    for (PipelineSpec spec : specs.values()) {
      for (PipelineSpec earlier : seen) {
        requireApart(earlier, spec);
      }
      seen.add(spec);
    }
  }

  private static void requireApart(PipelineSpec a, PipelineSpec b) {
    String what = "pipelines." + a.name() + " and pipelines." + b.name();
    if (a.storage().bucket().equals(b.storage().bucket())) {
      String folderA = a.tablePrefix();
      String folderB = b.tablePrefix();
      if (folderA.startsWith(folderB) || folderB.startsWith(folderA)) {
        throw new ConfigException(
            what
                + ": their table folders overlap ("
                + a.tableLocation()
                + (folderA.equals(folderB)
                    ? " is "
                    : folderA.startsWith(folderB) ? " is inside " : " holds ")
                + b.tableLocation()
                + "), so each would overwrite and remove the other's objects; give one of them"
                + " another storage.prefix or catalog.table");
      }
    }
    if (a.catalog().database().equals(b.catalog().database())
        && a.catalog().table().equals(b.catalog().table())) {
      throw new ConfigException(
          what
              + ": both write Glue table "
              + a.catalog().database()
              + "."
              + a.catalog().table()
              + "; give one of them another catalog.database or catalog.table");
    }
  }
}
