package io.spectrumflow.activities.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.workflows.export.AlertActivities;
import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.export.FailureAlert;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Posts failure alerts to webhooks: a plain JSON object with the run's details, whose {@code text}
 * member makes it a valid Slack incoming-webhook message too.
 */
public final class AlertActivitiesImpl implements AlertActivities {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Override
  public void notifyFailure(FailureAlert alert) {
    URI webhook = URI.create(alert.webhook());
    if (!"https".equals(webhook.getScheme()) && !"http".equals(webhook.getScheme())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "failure webhook " + alert.webhook() + " is not an http(s) URL",
          ExportFailures.INVALID_REQUEST);
    }
    HttpRequest request =
        HttpRequest.newBuilder(webhook)
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(alert)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("failure webhook " + webhook + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while posting to " + webhook, e);
    }
    if (response.statusCode() / 100 != 2) {
      // retried: webhooks answer 5xx and 429 while they are busy
      throw new IllegalStateException(
          "failure webhook " + webhook + " answered " + response.statusCode());
    }
  }

  static String body(FailureAlert alert) {
    ObjectNode body = JSON.createObjectNode();
    body.put(
        "text",
        "Spectrumflow run failed: pipeline "
            + alert.pipeline()
            + ", batch "
            + alert.batchId()
            + ", step "
            + alert.step()
            + ": "
            + alert.message());
    body.put("pipeline", alert.pipeline());
    body.put("batchId", alert.batchId());
    body.put("workflowId", alert.workflowId());
    body.put("step", alert.step());
    body.put("message", alert.message());
    return body.toString();
  }
}
