package io.spectrumflow.workflows.pipeline;

/**
 * The Redshift side of a pipeline, reached through the Redshift Data API. Exactly one of {@code
 * clusterIdentifier} (with {@code dbUser} or {@code secretArn}) and {@code workgroupName} is set.
 *
 * @param clusterIdentifier a provisioned cluster
 * @param dbUser the database user for temporary credentials on a provisioned cluster
 * @param secretArn a Secrets Manager secret holding database credentials
 * @param workgroupName a Redshift Serverless workgroup
 * @param database the database statements run in
 * @param externalSchema the external schema that maps onto the Glue database
 * @param iamRole the role Redshift assumes to read Glue and S3; must be associated with the cluster
 * @param region the region of the Glue Data Catalog
 */
public record RedshiftSpec(
    String clusterIdentifier,
    String dbUser,
    String secretArn,
    String workgroupName,
    String database,
    String externalSchema,
    String iamRole,
    String region) {}
