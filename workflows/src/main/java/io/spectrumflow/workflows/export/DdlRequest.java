package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.RedshiftSpec;

/**
 * Create the external schema over the Glue database, if it does not exist.
 *
 * @param redshift the Redshift target
 * @param glueDatabase the Glue database the schema maps onto
 */
public record DdlRequest(RedshiftSpec redshift, String glueDatabase) {}
