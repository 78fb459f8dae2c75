package io.spectrumflow.local.aws.redshift.clusters;

/**
 * Redshift's error when a statement names an IAM role the cluster may not assume (it is not
 * associated with the cluster): the first line and the DETAIL block Redshift prints, as seen in
 * user reports of COPY and CREATE EXTERNAL SCHEMA failures (code 8001).
 */
final class RoleNotAssociated {

  private static final String RULE = "  -----------------------------------------------";

  private RoleNotAssociated() {}

  static String message(String dbUserArn, String roleArn) {
    String error = "User " + dbUserArn + " is not authorized to assume IAM Role " + roleArn;
    return String.join(
        "\n",
        "ERROR: " + error,
        "DETAIL: ",
        RULE,
        "  error:  " + error,
        "  code:      8001",
        "  context:   IAM Role=" + roleArn,
        "  query:     0",
        "  location:  xen_aws_credentials_mgr.cpp:321",
        RULE);
  }
}
