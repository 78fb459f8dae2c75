package io.spectrumflow.local.aws.redshift.clusters;

import io.spectrumflow.local.aws.glue.GlueCatalog;
import io.spectrumflow.local.aws.http.XmlNode;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A cluster as Redshift's API describes it ({@code Cluster}), with the members clients look at: a
 * single-node {@code ra3.xlplus} cluster, {@code available}, database {@code dev}, master user
 * {@code awsuser}, its IAM roles {@code in-sync}.
 */
final class ClusterXml {

  static final String MASTER_USERNAME = "awsuser";
  static final int PORT = 5439;

  private ClusterXml() {}

  static XmlNode of(ClusterView cluster, String region) {
    String id = cluster.identifier();
    List<XmlNode> members = new ArrayList<>();
    members.add(XmlNode.text("ClusterIdentifier", id));
    members.add(XmlNode.text("NodeType", "ra3.xlplus"));
    members.add(XmlNode.text("ClusterStatus", "available"));
    members.add(XmlNode.text("ClusterAvailabilityStatus", "Available"));
    members.add(XmlNode.text("MasterUsername", MASTER_USERNAME));
    members.add(XmlNode.text("DBName", "dev"));
    members.add(
        XmlNode.of(
            "Endpoint",
            XmlNode.text(
                "Address",
                id + ".c" + GlueCatalog.CATALOG_ID + "." + region + ".redshift.amazonaws.com"),
            XmlNode.text("Port", PORT)));
    members.add(
        XmlNode.text(
            "ClusterCreateTime", DateTimeFormatter.ISO_INSTANT.format(cluster.createTime())));
    members.add(XmlNode.text("AutomatedSnapshotRetentionPeriod", 1));
    members.add(XmlNode.text("ManualSnapshotRetentionPeriod", -1));
    members.add(XmlNode.of("ClusterSecurityGroups"));
    members.add(XmlNode.of("VpcSecurityGroups"));
    members.add(
        XmlNode.of(
            "ClusterParameterGroups",
            XmlNode.of(
                "ClusterParameterGroup",
                XmlNode.text("ParameterGroupName", "default.redshift-2.0"),
                XmlNode.text("ParameterApplyStatus", "in-sync"))));
    members.add(XmlNode.text("AvailabilityZone", region + "a"));
    members.add(XmlNode.text("PreferredMaintenanceWindow", "sun:05:00-sun:05:30"));
    members.add(XmlNode.of("PendingModifiedValues"));
    members.add(XmlNode.text("ClusterVersion", "1.0"));
    members.add(XmlNode.text("AllowVersionUpgrade", true));
    members.add(XmlNode.text("NumberOfNodes", 1));
    members.add(XmlNode.text("PubliclyAccessible", false));
    members.add(XmlNode.text("Encrypted", true));
    members.add(XmlNode.of("Tags"));
    members.add(XmlNode.text("EnhancedVpcRouting", false));
    List<XmlNode> roles = new ArrayList<>();
    for (String arn : cluster.iamRoles()) {
      roles.add(
          XmlNode.of(
              "ClusterIamRole",
              XmlNode.text("IamRoleArn", arn),
              XmlNode.text("ApplyStatus", "in-sync")));
    }
    members.add(XmlNode.of("IamRoles", roles));
    members.add(XmlNode.of("PendingActions"));
    members.add(XmlNode.text("MaintenanceTrackName", "current"));
    members.add(XmlNode.text("AvailabilityZoneRelocationStatus", "disabled"));
    members.add(XmlNode.text("ClusterNamespaceArn", namespaceArn(id, region)));
    if (cluster.defaultIamRoleArn() != null) {
      members.add(XmlNode.text("DefaultIamRoleArn", cluster.defaultIamRoleArn()));
    }
    members.add(XmlNode.text("MultiAZ", "Disabled"));
    return XmlNode.of("Cluster", members);
  }

  /** A stable namespace ARN per cluster identifier, shaped like Redshift's. */
  static String namespaceArn(String id, String region) {
    UUID namespace = UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
    return "arn:aws:redshift:" + region + ":" + GlueCatalog.CATALOG_ID + ":namespace:" + namespace;
  }
}
