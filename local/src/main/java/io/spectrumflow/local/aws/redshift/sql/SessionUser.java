package io.spectrumflow.local.aws.redshift.sql;

/**
 * Who runs a statement, for the IAM role checks Redshift makes on their behalf.
 *
 * @param cluster the ClusterIdentifier, or the WorkgroupName when {@code workgroup}
 * @param dbUser the DbUser of temporary credentials, or null (Secrets Manager, IAM identity)
 */
public record SessionUser(String cluster, boolean workgroup, String dbUser) {}
