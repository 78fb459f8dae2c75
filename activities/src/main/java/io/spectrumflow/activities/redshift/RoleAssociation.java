package io.spectrumflow.activities.redshift;

import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.ClusterIamRole;
import software.amazon.awssdk.services.redshift.model.ClusterNotFoundException;

/**
 * Checks that the IAM role of {@code CREATE EXTERNAL SCHEMA} is associated with the cluster: a role
 * Redshift may assume is not enough, and Redshift's own error for it is easy to misread.
 */
public final class RoleAssociation {

  private final RedshiftClient redshift;

  public RoleAssociation(RedshiftClient redshift) {
    this.redshift = redshift;
  }

  /**
   * Throws when the role is not associated (in sync) with the cluster. Serverless workgroups are
   * not checked here: their roles belong to the namespace, which Redshift checks itself.
   *
   * @return a line saying what was checked
   */
  public String check(RedshiftSpec target) {
    if (target.clusterIdentifier() == null) {
      return "workgroup "
          + target.workgroupName()
          + ": role association is checked by Redshift Serverless itself";
    }
    Cluster cluster;
    try {
      cluster =
          redshift
              .describeClusters(b -> b.clusterIdentifier(target.clusterIdentifier()))
              .clusters()
              .get(0);
    } catch (ClusterNotFoundException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Redshift cluster "
              + target.clusterIdentifier()
              + " was not found in region "
              + target.region()
              + ": check redshift.clusterIdentifier and the worker's region",
          ExportFailures.NOT_FOUND);
    }
    List<String> associated =
        cluster.iamRoles().stream()
            .filter(r -> r.applyStatus() == null || r.applyStatus().equals("in-sync"))
            .map(ClusterIamRole::iamRoleArn)
            .toList();
    if (!associated.contains(target.iamRole())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "IAM role "
              + target.iamRole()
              + " is not associated with Redshift cluster "
              + target.clusterIdentifier()
              + " (associated: "
              + (associated.isEmpty() ? "none" : String.join(", ", associated))
              + "). Associate it, then run again: aws redshift modify-cluster-iam-roles"
              + " --cluster-identifier "
              + target.clusterIdentifier()
              + " --add-iam-roles "
              + target.iamRole(),
          ExportFailures.ROLE_NOT_ASSOCIATED);
    }
    return "IAM role " + target.iamRole() + " is associated with " + target.clusterIdentifier();
  }
}
