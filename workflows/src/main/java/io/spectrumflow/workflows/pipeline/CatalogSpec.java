package io.spectrumflow.workflows.pipeline;

/**
 * The Glue side of a pipeline.
 *
 * @param mode direct registration or crawler
 * @param database the Glue database
 * @param table the Glue table (also the folder under the storage prefix)
 * @param crawlerName the crawler, in crawler mode
 * @param crawlerRole the IAM role the crawler runs as, in crawler mode
 */
public record CatalogSpec(
    CatalogMode mode, String database, String table, String crawlerName, String crawlerRole) {}
