package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire protocol as any client sees it, without an AWS SDK in between. */
class AwsJsonProtocolTest {

  @TempDir static Path dir;
  private static StandInStack stack;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() throws Exception {
    stack = StandInStack.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  private static HttpResponse<String> post(String target, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.standIn().endpoint() + "/"))
            .header("Content-Type", "application/x-amz-json-1.1")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (target != null) {
      request.header("X-Amz-Target", target);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String errorType(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(400);
    return JSON.readTree(response.body()).path("__type").asText();
  }

  @Test
  void answersJsonWithARequestIdAndEpochSecondTimestamps() throws Exception {
    HttpResponse<String> created =
        post("AWSGlue.CreateDatabase", "{\"DatabaseInput\":{\"Name\":\"wire_db\"}}");
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(created.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");

    JsonNode database = JSON.readTree(post("AWSGlue.GetDatabase", "{\"Name\":\"wire_db\"}").body());
    assertThat(database.path("Database").path("CreateTime").isNumber()).isTrue();
  }

  @Test
  void protocolErrorsAreTyped() throws Exception {
    assertThat(errorType(post("AWSGlue.NoSuchOperation", "{}")))
        .isEqualTo("UnknownOperationException");
    assertThat(errorType(post("NoSuchService.GetTable", "{}")))
        .isEqualTo("UnknownOperationException");
    assertThat(errorType(post(null, "{}"))).isEqualTo("UnknownOperationException");
    assertThat(errorType(post("AWSGlue.GetDatabase", "{not json")))
        .isEqualTo("SerializationException");
    assertThat(errorType(post("AWSGlue.GetDatabase", "{\"Name\": 5}")))
        .isEqualTo("SerializationException");
    assertThat(errorType(post("AWSGlue.GetDatabase", "{\"Name\": \"none_such\"}")))
        .isEqualTo("EntityNotFoundException");
    HttpResponse<String> missing = post("RedshiftData.DescribeStatement", "{}");
    assertThat(errorType(missing)).isEqualTo("ValidationException");
    assertThat(missing.headers().firstValue("x-amzn-ErrorType")).hasValue("ValidationException");
  }

  @Test
  void unknownMembersRoundTrip() throws Exception {
    post("AWSGlue.CreateDatabase", "{\"DatabaseInput\":{\"Name\":\"roundtrip_db\"}}");
    post(
        "AWSGlue.CreateTable",
        "{\"DatabaseName\":\"roundtrip_db\",\"TableInput\":{\"Name\":\"t\","
            + "\"StorageDescriptor\":{\"Columns\":[],\"FutureMember\":{\"x\":[1,2]}}}}");

    JsonNode table =
        JSON.readTree(
            post("AWSGlue.GetTable", "{\"DatabaseName\":\"roundtrip_db\",\"Name\":\"t\"}").body());
    assertThat(table.path("Table").path("StorageDescriptor").path("FutureMember").toString())
        .isEqualTo("{\"x\":[1,2]}");
  }
}
