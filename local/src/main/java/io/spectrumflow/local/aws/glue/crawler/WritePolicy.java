package io.spectrumflow.local.aws.glue.crawler;

/**
 * How a crawl changes the catalog, from the crawler's SchemaChangePolicy and Configuration.
 *
 * @param updateInDatabase UpdateBehavior UPDATE_IN_DATABASE (else LOG: existing tables stay)
 */
record WritePolicy(
    String crawlerName,
    boolean updateInDatabase,
    boolean mergeNewColumns,
    boolean inheritFromTable) {}
