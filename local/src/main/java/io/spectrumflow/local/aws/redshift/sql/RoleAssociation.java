package io.spectrumflow.local.aws.redshift.sql;

/**
 * Whether an IAM role may be used on a cluster, as Redshift requires a role to be associated with
 * the cluster (or a Serverless namespace) before CREATE EXTERNAL SCHEMA and Spectrum queries can
 * assume it. {@link #ANY} accepts every well-formed role.
 */
@FunctionalInterface
public interface RoleAssociation {

  RoleAssociation ANY = (user, role) -> {};

  /**
   * @param user who runs the statement, on which cluster or workgroup
   * @param role {@code default}, {@code SESSION} or one role ARN (the first of a chain: the roles
   *     after it are assumed by that role, not by the cluster)
   * @throws RedshiftSqlException with Redshift's text when the role may not be used
   */
  void check(SessionUser user, String role) throws RedshiftSqlException;
}
