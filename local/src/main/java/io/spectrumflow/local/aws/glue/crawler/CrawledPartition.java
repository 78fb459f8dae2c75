package io.spectrumflow.local.aws.glue.crawler;

import java.util.List;

/**
 * A partition a crawl found: one folder at the table's partition depth.
 *
 * @param location the folder, {@code s3://bucket/prefix/key=value/}
 * @param columns the columns of the partition's own files
 */
record CrawledPartition(
    List<String> values, String location, List<CrawledColumn> columns, ObjectStats stats) {}
