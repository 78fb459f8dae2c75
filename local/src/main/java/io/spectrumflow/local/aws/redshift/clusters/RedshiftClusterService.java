package io.spectrumflow.local.aws.redshift.clusters;

import io.spectrumflow.local.aws.http.QueryException;
import io.spectrumflow.local.aws.http.QueryOperation;
import io.spectrumflow.local.aws.http.QueryRequest;
import io.spectrumflow.local.aws.http.QueryService;
import io.spectrumflow.local.aws.http.XmlNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Redshift's own API (AWS Query protocol, version 2012-12-01), as far as clients of the stand-in
 * need it: DescribeClusters and ModifyClusterIamRoles.
 */
public final class RedshiftClusterService {

  public static final String VERSION = "2012-12-01";
  public static final String NAMESPACE = "http://redshift.amazonaws.com/doc/2012-12-01/";

  private final RedshiftClusters clusters;

  public RedshiftClusterService(RedshiftClusters clusters) {
    this.clusters = clusters;
  }

  public QueryService service() {
    Map<String, QueryOperation> operations = new TreeMap<>();
    operations.put("DescribeClusters", this::describeClusters);
    operations.put("ModifyClusterIamRoles", this::modifyClusterIamRoles);
    return new QueryService(VERSION, NAMESPACE, operations);
  }

  List<XmlNode> describeClusters(QueryRequest request) {
    String id = request.string("ClusterIdentifier");
    List<ClusterView> found = id == null ? clusters.all() : List.of(clusters.describe(id));
    Integer maxRecords = request.integer("MaxRecords");
    int size = maxRecords == null ? 100 : maxRecords;
    if (size < 20 || size > 100) {
      throw new QueryException(
          "InvalidParameterValue", "MaxRecords must be between 20 and 100", 400);
    }
    int from = offset(request.string("Marker"));
    List<XmlNode> page = new ArrayList<>();
    for (int i = from; i < Math.min(found.size(), from + size); i++) {
      page.add(ClusterXml.of(found.get(i), clusters.region()));
    }
    List<XmlNode> result = new ArrayList<>();
    result.add(XmlNode.of("Clusters", page));
    if (from + size < found.size()) {
      result.add(XmlNode.text("Marker", marker(from + size)));
    }
    return result;
  }

  List<XmlNode> modifyClusterIamRoles(QueryRequest request) {
    ClusterView cluster =
        clusters.modify(
            request.requiredString("ClusterIdentifier"),
            request.list("AddIamRoles"),
            request.list("RemoveIamRoles"),
            request.string("DefaultIamRoleArn"));
    return List.of(ClusterXml.of(cluster, clusters.region()));
  }

  private static String marker(int offset) {
    return Base64.getUrlEncoder()
        .encodeToString(("cluster:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String marker) {
    if (marker == null) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
      if (!decoded.startsWith("cluster:")) {
        throw new IllegalArgumentException(decoded);
      }
      return Math.max(0, Integer.parseInt(decoded.substring("cluster:".length())));
    } catch (IllegalArgumentException e) {
      throw new QueryException("InvalidParameterValue", "Invalid marker: " + marker, 400);
    }
  }
}
