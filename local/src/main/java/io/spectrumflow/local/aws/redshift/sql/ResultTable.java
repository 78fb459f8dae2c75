package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * A statement's result as the Data API returns it.
 *
 * @param columnMetadata the ColumnMetadata list
 * @param records one array of Field unions per row
 * @param size the result's size in bytes, roughly as the records' JSON
 */
public record ResultTable(ArrayNode columnMetadata, List<ArrayNode> records, long size) {

  public ResultTable {
    records = List.copyOf(records);
  }
}
