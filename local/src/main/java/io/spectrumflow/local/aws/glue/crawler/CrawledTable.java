package io.spectrumflow.local.aws.glue.crawler;

import java.util.List;

/**
 * The table a crawl found under one S3 target.
 *
 * @param name the table name as derived from the target path, before any de-duplication
 * @param location the target path, ending with '/'
 * @param partitionKeys partition key names by depth; their type is always {@code string}
 */
record CrawledTable(
    String name,
    String location,
    List<CrawledColumn> columns,
    List<String> partitionKeys,
    List<CrawledPartition> partitions,
    ObjectStats stats) {}
