package io.spectrumflow.local.aws.redshift.sql;

/**
 * Whether an IAM role may be used by a Redshift database, as Redshift requires a role to be
 * associated with the cluster before CREATE EXTERNAL SCHEMA can use it. The stand-in accepts every
 * well-formed role ({@link #ANY}); a stricter check can be plugged in here.
 */
@FunctionalInterface
public interface RoleAssociation {

  RoleAssociation ANY = (cluster, role) -> {};

  /**
   * @param cluster the ClusterIdentifier or WorkgroupName the statement runs on
   * @param role {@code default}, {@code SESSION} or one role ARN
   * @throws RedshiftSqlException with Redshift's text when the role may not be used
   */
  void check(String cluster, String role) throws RedshiftSqlException;
}
