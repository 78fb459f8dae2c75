package io.spectrumflow.local.aws.glue.crawler;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a crawler counts over a table's or a partition's objects, for their Parameters. */
record ObjectStats(long objectCount, long recordCount, long sizeKey) {

  static final ObjectStats NONE = new ObjectStats(0, 0, 0);

  ObjectStats plus(ObjectStats other) {
    return new ObjectStats(
        objectCount + other.objectCount, recordCount + other.recordCount, sizeKey + other.sizeKey);
  }

  /** The Parameters a crawler sets on Parquet tables, partitions and storage descriptors. */
  Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(
        "averageRecordSize", String.valueOf(recordCount == 0 ? 0 : sizeKey / recordCount));
    parameters.put("classification", "parquet");
    // Parquet compresses inside the file: the object itself is not compressed
    parameters.put("compressionType", "none");
    parameters.put("objectCount", String.valueOf(objectCount));
    parameters.put("recordCount", String.valueOf(recordCount));
    parameters.put("sizeKey", String.valueOf(sizeKey));
    parameters.put("typeOfData", "file");
    return parameters;
  }
}
