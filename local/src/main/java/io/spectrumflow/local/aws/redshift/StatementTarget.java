package io.spectrumflow.local.aws.redshift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.JsonRequest;

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

  static StatementTarget of(JsonRequest request) {
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
