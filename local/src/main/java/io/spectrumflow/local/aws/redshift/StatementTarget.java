package io.spectrumflow.local.aws.redshift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.JsonRequest;
import io.spectrumflow.local.aws.redshift.sql.SessionUser;

/**
 * Where a request runs: a provisioned cluster or a Serverless workgroup (exactly one), a database,
 * and the identity members, echoed back as the real API does.
 */
record StatementTarget(
    String clusterIdentifier,
    String workgroupName,
    String database,
    String dbUser,
    String secretArn) {

  /** Redshift's answer for a cluster or workgroup it does not have (in this region). */
  static final String UNKNOWN_ENDPOINT = "Redshift endpoint doesn't exist in this region.";

  static StatementTarget of(JsonRequest request, KnownClusters clusters) {
    String cluster = request.string("ClusterIdentifier");
    String workgroup = request.string("WorkgroupName");
    if (request.string("SessionId") != null) {
      throw request.invalid("SessionId is not supported by the local stand-in; omit it");
    }
    if (cluster == null && workgroup == null) {
      throw request.invalid("Either ClusterIdentifier or WorkgroupName needs to be specified.");
    }
    if (cluster != null && workgroup != null) {
      throw request.invalid("Only one of ClusterIdentifier and WorkgroupName can be specified.");
    }
    if (!clusters.exists(cluster != null ? cluster : workgroup)) {
      throw request.invalid(UNKNOWN_ENDPOINT);
    }
    return new StatementTarget(
        cluster,
        workgroup,
        request.requiredString("Database"),
        request.string("DbUser"),
        request.string("SecretArn"));
  }

  /** The cluster or workgroup, whichever was given. */
  String cluster() {
    return clusterIdentifier != null ? clusterIdentifier : workgroupName;
  }

  SessionUser sessionUser() {
    return new SessionUser(cluster(), workgroupName != null, dbUser);
  }

  /** Adds the members that are set, under their API names. */
  void writeTo(ObjectNode json) {
    putIfSet(json, "ClusterIdentifier", clusterIdentifier);
    putIfSet(json, "WorkgroupName", workgroupName);
    putIfSet(json, "Database", database);
    putIfSet(json, "DbUser", dbUser);
    putIfSet(json, "SecretArn", secretArn);
  }

  private static void putIfSet(ObjectNode json, String member, String value) {
    if (value != null) {
      json.put(member, value);
    }
  }
}
