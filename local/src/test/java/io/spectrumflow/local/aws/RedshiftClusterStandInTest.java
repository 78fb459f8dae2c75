package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshift.model.Cluster;
import software.amazon.awssdk.services.redshift.model.ClusterIamRole;
import software.amazon.awssdk.services.redshift.model.ClusterNotFoundException;
import software.amazon.awssdk.services.redshift.model.RedshiftException;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.ValidationException;

/**
 * Redshift's own API (Query protocol) for the configured clusters, and the role associations it
 * manages enforced on CREATE EXTERNAL SCHEMA and Spectrum queries through the Data API.
 */
class RedshiftClusterStandInTest {

  private static final String ROLE_A = "arn:aws:iam::123456789012:role/spectrum-a";
  private static final String ROLE_B = "arn:aws:iam::123456789012:role/spectrum-b";
  private static final String NAMESPACE = "http://redshift.amazonaws.com/doc/2012-12-01/";
  private static final UnaryOperator<StandInSettings> CLUSTERS =
      settings ->
          settings.withClusters(
              Map.of(
                  "analytics",
                  List.of(ROLE_A),
                  "reporting",
                  List.of(),
                  "wg-serverless",
                  List.of(ROLE_A)));

  @TempDir static Path dir;
  private static StandInStack stack;
  private static RedshiftClient redshift;
  private static RedshiftDataClient data;

  @BeforeAll
  static void start() throws Exception {
    stack = StandInStack.start(dir, CLUSTERS);
    redshift = stack.redshift();
    data = stack.redshiftData();
    stack.s3().createBucket(b -> b.bucket("lake"));
    stack.glue().createDatabase(b -> b.databaseInput(d -> d.name("lakedb")));
    stack
        .glue()
        .createTable(
            b ->
                b.databaseName("lakedb")
                    .tableInput(
                        t ->
                            t.name("events")
                                .tableType("EXTERNAL_TABLE")
                                .storageDescriptor(
                                    s ->
                                        s.location("s3://lake/empty/")
                                            .columns(
                                                Column.builder()
                                                    .name("id")
                                                    .type("bigint")
                                                    .build()))));
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  private static Cluster cluster(String id) {
    return redshift.describeClusters(b -> b.clusterIdentifier(id)).clusters().get(0);
  }

  private static String createSchema(String schema, String role) {
    return "CREATE EXTERNAL SCHEMA IF NOT EXISTS "
        + schema
        + " FROM DATA CATALOG DATABASE 'lakedb' IAM_ROLE "
        + role
        + " REGION 'us-east-1'";
  }

  @Test
  void describeClustersAnswersTheConfiguredClusters() {
    assertThat(redshift.describeClusters().clusters())
        .extracting(Cluster::clusterIdentifier)
        .containsExactlyInAnyOrder("analytics", "reporting", "wg-serverless");

    Cluster analytics = cluster("Analytics");
    assertThat(analytics.clusterIdentifier()).isEqualTo("analytics");
    assertThat(analytics.clusterStatus()).isEqualTo("available");
    assertThat(analytics.dbName()).isEqualTo("dev");
    assertThat(analytics.masterUsername()).isEqualTo("awsuser");
    assertThat(analytics.endpoint().port()).isEqualTo(5439);
    assertThat(analytics.endpoint().address()).startsWith("analytics.");
    assertThat(analytics.clusterCreateTime()).isNotNull();
    assertThat(analytics.clusterNamespaceArn()).startsWith("arn:aws:redshift:us-east-1:");
    assertThat(analytics.iamRoles())
        .extracting(ClusterIamRole::iamRoleArn, ClusterIamRole::applyStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ROLE_A, "in-sync"));
    assertThat(analytics.defaultIamRoleArn()).isNull();
    assertThat(cluster("reporting").iamRoles()).isEmpty();

    assertThatThrownBy(() -> redshift.describeClusters(b -> b.clusterIdentifier("nope")))
        .isInstanceOfSatisfying(
            ClusterNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ClusterNotFound");
              assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cluster nope not found.");
              assertThat(e.requestId()).isNotBlank();
            });
    assertThatThrownBy(() -> redshift.describeClusters(b -> b.maxRecords(5)))
        .isInstanceOfSatisfying(
            RedshiftException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
  }

  @Test
  void externalSchemasNeedARoleAssociatedWithTheCluster() throws Exception {
    DataApiCalls reporting = new DataApiCalls(data, "reporting", "etl_user");

    String denied = reporting.failure(createSchema("spectrum_r", "'" + ROLE_B + "'"));
    assertThat(denied)
        .startsWith(
            "ERROR: User arn:aws:redshift:us-east-1:000000000000:dbuser:reporting/etl_user"
                + " is not authorized to assume IAM Role "
                + ROLE_B
                + "\nDETAIL:")
        .contains("code:      8001");
    assertThat(reporting.failure(createSchema("spectrum_r", "default")))
        .isEqualTo("ERROR: Cannot find default IAM role on this cluster");

    Cluster modified =
        redshift
            .modifyClusterIamRoles(
                b -> b.clusterIdentifier("reporting").addIamRoles(ROLE_B).defaultIamRoleArn(ROLE_B))
            .cluster();
    assertThat(modified.iamRoles()).extracting(ClusterIamRole::iamRoleArn).containsExactly(ROLE_B);
    assertThat(modified.defaultIamRoleArn()).isEqualTo(ROLE_B);

    reporting.run(createSchema("spectrum_r", "'" + ROLE_B + "'"));
    reporting.run(createSchema("spectrum_default", "default"));
    assertThat(reporting.count("SELECT count(*) FROM spectrum_r.events")).isZero();

    // a role chain: only the first role is assumed by the cluster
    reporting.run(createSchema("spectrum_chain", "'" + ROLE_B + "," + ROLE_A + "'"));

    // Spectrum assumes the role on every query: removing it breaks the schema's queries
    redshift.modifyClusterIamRoles(b -> b.clusterIdentifier("reporting").removeIamRoles(ROLE_B));
    assertThat(cluster("reporting").defaultIamRoleArn()).isNull();
    assertThat(reporting.failure("SELECT count(*) FROM spectrum_r.events"))
        .contains("is not authorized to assume IAM Role " + ROLE_B);
    assertThat(reporting.failure("SELECT count(*) FROM spectrum_default.events"))
        .isEqualTo("ERROR: Cannot find default IAM role on this cluster");
  }

  private static HttpResponse<String> postForm(String form) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.standIn().endpoint() + "/"))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static Document xml(String body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Document document, String element) {
    return document.getElementsByTagNameNS(NAMESPACE, element).item(0).getTextContent();
  }

  @Test
  void theQueryProtocolAsAnyClientSeesIt() throws Exception {
    HttpResponse<String> described =
        postForm("Action=DescribeClusters&Version=2012-12-01&ClusterIdentifier=analytics");
    assertThat(described.statusCode()).isEqualTo(200);
    assertThat(described.headers().firstValue("Content-Type")).hasValue("text/xml");
    Document answer = xml(described.body());
    Element root = answer.getDocumentElement();
    assertThat(root.getLocalName()).isEqualTo("DescribeClustersResponse");
    assertThat(root.getNamespaceURI()).isEqualTo(NAMESPACE);
    assertThat(((Element) root.getFirstChild()).getLocalName()).isEqualTo("DescribeClustersResult");
    assertThat(text(answer, "ClusterIdentifier")).isEqualTo("analytics");
    assertThat(text(answer, "RequestId")).isNotBlank();

    // lists as other clients send them: Member.member.N
    HttpResponse<String> modified =
        postForm(
            "Action=ModifyClusterIamRoles&Version=2012-12-01&ClusterIdentifier=wg-serverless"
                + "&AddIamRoles.member.1="
                + URLEncoder.encode(ROLE_B, StandardCharsets.UTF_8)
                + "&RemoveIamRoles.member.1="
                + URLEncoder.encode(ROLE_B, StandardCharsets.UTF_8));
    assertThat(modified.statusCode()).isEqualTo(200);
    assertThat(xml(modified.body()).getDocumentElement().getLocalName())
        .isEqualTo("ModifyClusterIamRolesResponse");

    HttpResponse<String> missing =
        postForm("Action=DescribeClusters&Version=2012-12-01&ClusterIdentifier=a%3Cb");
    assertThat(missing.statusCode()).isEqualTo(404);
    Document error = xml(missing.body());
    assertThat(error.getDocumentElement().getLocalName()).isEqualTo("ErrorResponse");
    assertThat(text(error, "Type")).isEqualTo("Sender");
    assertThat(text(error, "Code")).isEqualTo("ClusterNotFound");
    assertThat(text(error, "Message")).isEqualTo("Cluster a<b not found.");
    assertThat(text(error, "RequestId")).isNotBlank();

    HttpResponse<String> unknown = postForm("Action=RebootCluster&Version=2012-12-01");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(text(xml(unknown.body()), "Code")).isEqualTo("InvalidAction");
  }

  @Test
  void modifyClusterIamRolesChecksItsInput() {
    assertThatThrownBy(
            () ->
                redshift.modifyClusterIamRoles(
                    b -> b.clusterIdentifier("missing").addIamRoles(ROLE_A)))
        .isInstanceOf(ClusterNotFoundException.class);
    assertThatThrownBy(
            () ->
                redshift.modifyClusterIamRoles(
                    b -> b.clusterIdentifier("analytics").addIamRoles("spectrum-role")))
        .isInstanceOfSatisfying(
            RedshiftException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
              assertThat(e.awsErrorDetails().errorMessage()).contains("spectrum-role is not valid");
            });
    assertThatThrownBy(
            () ->
                redshift.modifyClusterIamRoles(
                    b -> b.clusterIdentifier("analytics").defaultIamRoleArn(ROLE_B)))
        .isInstanceOfSatisfying(
            RedshiftException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    assertThat(cluster("analytics").iamRoles())
        .extracting(ClusterIamRole::iamRoleArn)
        .containsExactly(ROLE_A);
  }

  @Test
  void statementsOnUnknownClustersAreValidationErrors() throws Exception {
    assertThatThrownBy(
            () ->
                data.executeStatement(
                    b -> b.clusterIdentifier("nope").database("dev").dbUser("u").sql("SELECT 1")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Redshift endpoint doesn't exist in this region."));
    assertThatThrownBy(
            () ->
                data.executeStatement(b -> b.workgroupName("nope").database("dev").sql("SELECT 1")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> data.listDatabases(b -> b.clusterIdentifier("nope").database("dev")))
        .isInstanceOf(ValidationException.class);

    String id =
        data.executeStatement(
                b ->
                    b.workgroupName("wg-serverless")
                        .database("dev")
                        .sql(createSchema("spectrum_wg", "'" + ROLE_A + "'")))
            .id();
    assertThat(new DataApiCalls(data, "analytics", "awsuser").await(id).error()).isNull();
    assertThat(new DataApiCalls(data, "analytics", "awsuser").count("SELECT 1")).isEqualTo(1);
  }

  @Test
  void roleChangesSurviveARestartAndWinOverTheSettings(@TempDir Path restartDir) throws Exception {
    try (StandInStack own = StandInStack.start(restartDir, CLUSTERS)) {
      own.redshift()
          .modifyClusterIamRoles(
              b ->
                  b.clusterIdentifier("analytics")
                      .addIamRoles(ROLE_B)
                      .removeIamRoles(ROLE_A)
                      .defaultIamRoleArn(ROLE_B));

      own.restartStandIn();

      Cluster after =
          own.redshift().describeClusters(b -> b.clusterIdentifier("analytics")).clusters().get(0);
      assertThat(after.iamRoles()).extracting(ClusterIamRole::iamRoleArn).containsExactly(ROLE_B);
      assertThat(after.defaultIamRoleArn()).isEqualTo(ROLE_B);
      Cluster untouched =
          own.redshift()
              .describeClusters(b -> b.clusterIdentifier("wg-serverless"))
              .clusters()
              .get(0);
      assertThat(untouched.iamRoles())
          .extracting(ClusterIamRole::iamRoleArn)
          .containsExactly(ROLE_A);
    }
  }
}
