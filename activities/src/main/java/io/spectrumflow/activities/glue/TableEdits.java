package io.spectrumflow.activities.glue;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * Read-modify-write of a Glue table with optimistic concurrency: UpdateTable names the VersionId it
 * read, and a concurrent change makes it read and apply the edit again. Two batches adding
 * different columns at the same time both land.
 */
final class TableEdits {

  private static final int ATTEMPTS = 8;

  private final GlueClient glue;

  TableEdits(GlueClient glue) {
    this.glue = glue;
  }

  /**
   * Applies an edit to the current table.
   *
   * @param edit returns the table's new definition, or empty when nothing needs to change
   * @return the table as it is after the edit
   */
  Table edit(String database, String name, Function<Table, Optional<TableInput>> edit) {
    for (int attempt = 1; ; attempt++) {
      Table table = glue.getTable(b -> b.databaseName(database).name(name)).table();
      Optional<TableInput> changed = edit.apply(table);
      if (changed.isEmpty()) {
        return table;
      }
      try {
        glue.updateTable(
            b -> b.databaseName(database).versionId(table.versionId()).tableInput(changed.get()));
        return glue.getTable(b -> b.databaseName(database).name(name)).table();
      } catch (ConcurrentModificationException raced) {
        if (attempt >= ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  /** The table's definition as input to UpdateTable, with other columns and partition keys. */
  static TableInput withColumns(Table table, List<Column> columns, List<Column> partitionKeys) {
    return TableInput.builder()
        .name(table.name())
        .description(table.description())
        .owner(table.owner())
        .retention(table.retention())
        .tableType(table.tableType())
        .parameters(table.parameters())
        .partitionKeys(partitionKeys)
        .storageDescriptor(table.storageDescriptor().toBuilder().columns(columns).build())
        .build();
  }
}
