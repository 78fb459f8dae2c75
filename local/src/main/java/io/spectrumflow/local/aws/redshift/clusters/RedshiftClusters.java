package io.spectrumflow.local.aws.redshift.clusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.glue.GlueCatalog;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.http.QueryException;
import io.spectrumflow.local.aws.redshift.KnownClusters;
import io.spectrumflow.local.aws.redshift.sql.RedshiftSqlException;
import io.spectrumflow.local.aws.redshift.sql.RoleAssociation;
import io.spectrumflow.local.aws.redshift.sql.SessionUser;
import io.spectrumflow.local.aws.store.AtomicJsonFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Redshift clusters the stand-in has, from its settings, and the IAM roles associated with
 * them. Role changes made with ModifyClusterIamRoles are kept in {@code file} and win over the
 * settings' initial roles on the next start. With no clusters configured every identifier is
 * accepted and every role may be used, as before clusters were modelled.
 */
public final class RedshiftClusters implements KnownClusters, RoleAssociation {

  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

  private record Roles(List<String> arns, String defaultArn) {}

  private final Path file;
  private final String region;
  private final Instant createTime;
  private final Map<String, Roles> clusters = new LinkedHashMap<>();
  private final Set<String> modified = new LinkedHashSet<>();

  public RedshiftClusters(
      Path file, Map<String, List<String>> configured, String region, Instant createTime) {
    this.file = file;
    this.region = region;
    this.createTime = createTime;
    configured.forEach(
        (id, arns) -> clusters.put(normalize(id), new Roles(List.copyOf(arns), null)));
    JsonNode stored = AtomicJsonFile.read(file);
    if (stored != null) {
      for (Map.Entry<String, JsonNode> entry : stored.properties()) {
        String id = entry.getKey();
        if (clusters.containsKey(id)) {
          List<String> arns = new ArrayList<>();
          entry.getValue().path("IamRoles").forEach(r -> arns.add(r.asText()));
          String defaultArn = entry.getValue().path("DefaultIamRoleArn").asText(null);
          clusters.put(id, new Roles(List.copyOf(arns), defaultArn));
          modified.add(id);
        }
      }
    }
  }

  /** Cluster identifiers are case-insensitive; Redshift keeps them in lower case. */
  private static String normalize(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private boolean enforced() {
    return !clusters.isEmpty();
  }

  @Override
  public synchronized boolean exists(String clusterOrWorkgroup) {
    return !enforced() || clusters.containsKey(normalize(clusterOrWorkgroup));
  }

  String region() {
    return region;
  }

  synchronized List<ClusterView> all() {
    return clusters.keySet().stream().map(this::view).toList();
  }

  synchronized ClusterView describe(String id) {
    return view(existing(id));
  }

  /**
   * Associates and disassociates roles and sets the default one, as ModifyClusterIamRoles does. The
   * default must be associated (or being associated); removing the default role unsets it.
   */
  synchronized ClusterView modify(
      String id, List<String> add, List<String> remove, String defaultArn) {
    String key = existing(id);
    for (String arn : add) {
      checkArn(arn);
    }
    for (String arn : remove) {
      checkArn(arn);
    }
    Roles current = clusters.get(key);
    LinkedHashSet<String> arns = new LinkedHashSet<>(current.arns());
    arns.addAll(add);
    remove.forEach(arns::remove);
    String newDefault = current.defaultArn();
    if (newDefault != null && remove.contains(newDefault)) {
      newDefault = null;
    }
    if (defaultArn != null) {
      checkArn(defaultArn);
      if (!arns.contains(defaultArn)) {
        throw new QueryException(
            "InvalidParameterValue",
            "The default IAM role "
                + defaultArn
                + " must be associated with the cluster: add it with AddIamRoles",
            400);
      }
      newDefault = defaultArn;
    }
    clusters.put(key, new Roles(List.copyOf(arns), newDefault));
    modified.add(key);
    save();
    return view(key);
  }

  @Override
  public void check(SessionUser user, String role) throws RedshiftSqlException {
    Roles roles;
    synchronized (this) {
      if (!enforced() || "session".equalsIgnoreCase(role)) {
        return;
      }
      roles = clusters.get(normalize(user.cluster()));
    }
    if (roles == null) {
      return; // the Data API turns unknown clusters away before any SQL runs
    }
    String arn = role;
    if ("default".equalsIgnoreCase(role)) {
      if (roles.defaultArn() == null) {
        throw new RedshiftSqlException("ERROR: Cannot find default IAM role on this cluster");
      }
      arn = roles.defaultArn();
    }
    if (!roles.arns().contains(arn)) {
      throw new RedshiftSqlException(RoleNotAssociated.message(dbUserArn(user), arn));
    }
  }

  /** The database user as Redshift names it when it assumes a role on the user's behalf. */
  private String dbUserArn(SessionUser user) {
    String dbUser = user.dbUser() != null ? user.dbUser() : ClusterXml.MASTER_USERNAME;
    return "arn:aws:redshift:"
        + region
        + ":"
        + GlueCatalog.CATALOG_ID
        + ":dbuser:"
        + normalize(user.cluster())
        + "/"
        + dbUser;
  }

  private String existing(String id) {
    String key = normalize(id);
    if (!clusters.containsKey(key)) {
      throw new QueryException("ClusterNotFound", "Cluster " + id + " not found.", 404);
    }
    return key;
  }

  private ClusterView view(String key) {
    Roles roles = clusters.get(key);
    return new ClusterView(key, roles.arns(), roles.defaultArn(), createTime);
  }

  private static void checkArn(String arn) {
    if (!ROLE_ARN.matcher(arn).matches()) {
      throw new QueryException(
          "InvalidParameterValue",
          "The IAM role "
              + arn
              + " is not valid. The IAM role must delegate access to an Amazon Redshift account.",
          400);
    }
  }

  private void save() {
    ObjectNode json = AwsJson.object();
    for (String id : modified) {
      Roles roles = clusters.get(id);
      ObjectNode cluster = json.putObject(id);
      ArrayNode arns = cluster.putArray("IamRoles");
      roles.arns().forEach(arns::add);
      if (roles.defaultArn() != null) {
        cluster.put("DefaultIamRoleArn", roles.defaultArn());
      }
    }
    AtomicJsonFile.write(file, json);
  }
}
