package io.spectrumflow.local.aws.redshift.sql;

/**
 * An external schema of a Redshift database: a local name for a Glue database.
 *
 * @param iamRole as given in IAM_ROLE: {@code default}, {@code SESSION} or role ARNs
 * @param catalogRole as given in CATALOG_ROLE, or null
 * @param region as given in REGION, or null
 */
public record ExternalSchema(
    String name, String glueDatabase, String region, String iamRole, String catalogRole) {}
