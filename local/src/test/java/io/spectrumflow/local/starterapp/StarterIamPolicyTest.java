package io.spectrumflow.local.starterapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.local.e2e.IamActions;
import io.spectrumflow.local.e2e.IamActions.Authorization;
import io.spectrumflow.local.e2e.PolicyEvaluator;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.local.faults.FaultProxy;
import io.spectrumflow.starter.app.StarterConfiguration;
import io.spectrumflow.starter.cli.SpectrumflowCommand;
import io.spectrumflow.starter.staging.StagingArea;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * {@code spectrumflow iam-policy --for starter} grants what the starter calls: its S3 requests,
 * seen on the wire through a proxy in front of S3 while bodies are posted (twice, with one
 * idempotency key) and a backfill lists the staged batches, and those of its retention sweep, are
 * each allowed by the printed policy, resources and {@code s3:prefix} conditions checked by {@link
 * PolicyEvaluator}.
 */
class StarterIamPolicyTest {

  @TempDir Path dir;

  @Test
  void thePrintedStarterPolicyAllowsEveryS3RequestOfTheStarter() throws Exception {
    List<FaultProxy.RequestHead> seen = Collections.synchronizedList(new ArrayList<>());
    try (RunningStack stack = new RunningStack(dir.resolve("data"));
        FaultProxy s3 = new FaultProxy(stack.stack.aws().s3Endpoint())) {
      // a rule that never applies: it only records each request crossing the proxy
      s3.inject(
          head -> {
            seen.add(head);
            return false;
          },
          new FaultProxy.Delay(0),
          Integer.MAX_VALUE);
      stack.aws.s3().createBucket(b -> b.bucket("spectrumflow-lake"));
      Path config = StarterConfigs.write(dir, stack, "http://127.0.0.1:9/unused", "");
      DropwizardTestSupport<StarterConfiguration> app =
          new DropwizardTestSupport<>(
              TestStarterApplication.class,
              config.toString(),
              ConfigOverride.config("aws.s3Endpoint", s3.endpoint().toString()));
      app.before();
      try {
        exerciseStaging(new StarterApi(app.getLocalPort()));
      } finally {
        app.after();
      }

      List<Authorization> authorizations = new ArrayList<>();
      List.copyOf(seen)
          .forEach(
              head ->
                  authorizations.addAll(
                      IamActions.ofS3Rest(head.method(), head.path(), head.headers())));
      authorizations.addAll(retentionSweep(stack));
      assertThat(authorizations)
          .as("the starter staged the body and listed the staged batches")
          .anyMatch(a -> a.action().equals("s3:PutObject"))
          .anyMatch(a -> a.action().equals("s3:ListBucket"))
          .anyMatch(a -> a.action().equals("s3:DeleteObject"));
      JsonNode policy = printedStarterPolicy(config);
      assertThat(PolicyEvaluator.denied(policy, authorizations)).isEmpty();
    }
  }

  private static void exerciseStaging(StarterApi api) throws Exception {
    String body = "id,event_time\n1,2026-11-20T10:00:00Z\n";
    for (int attempt = 0; attempt < 2; attempt++) {
      StarterApi.Answer posted =
          api.authorized(
              "POST", "/pipelines/events/batches", "text/csv", body, "Idempotency-Key", "iam-1");
      assertThat(posted.status()).as(String.valueOf(posted.body())).isEqualTo(202);
      api.await(
          posted.body().get("link").asText(),
          run -> run.get("status").asText().equals("completed"),
          Duration.ofMinutes(1));
    }
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    StarterApi.Answer backfill =
        api.authorized(
            "POST",
            "/pipelines/events/backfill",
            "application/json",
            "{\"from\": \"" + today + "\", \"to\": \"" + today + "\"}");
    assertThat(backfill.status()).as(String.valueOf(backfill.body())).isEqualTo(202);
    for (JsonNode run : backfill.body().get("runs")) {
      api.await(
          "/runs/" + run.get("workflowId").asText(),
          r -> r.get("status").asText().equals("completed"),
          Duration.ofMinutes(1));
    }
  }

  /**
   * The starter's retention sweep over what was staged, as {@code StagingRetention} runs it: its
   * DeleteObjects name their keys in the body, so its calls are recorded in the SDK instead.
   */
  private static List<Authorization> retentionSweep(RunningStack stack) {
    List<IamActions.Call> calls = Collections.synchronizedList(new ArrayList<>());
    ExecutionInterceptor recorder =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.add(
                new IamActions.Call(
                    attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    context.request()));
          }
        };
    try (AwsClients aws = new AwsClients(stack.stack.aws(), List.of(recorder))) {
      int deleted =
          new StagingArea(aws.s3(), aws.s3Transfers(), "s3://spectrumflow-lake/staging/")
              .deleteOlderThan("events", Instant.now().plus(Duration.ofMinutes(1)));
      assertThat(deleted).as("the sweep deleted the staged body").isPositive();
    }
    return List.copyOf(calls).stream().flatMap(c -> IamActions.of(c).stream()).toList();
  }

  private static JsonNode printedStarterPolicy(Path config) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int exit =
          new CommandLine(new SpectrumflowCommand())
              .execute("iam-policy", "--for", "starter", "--config", config.toString());
      assertThat(exit).isZero();
    } finally {
      System.setOut(original);
    }
    return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("starterPolicy");
  }
}
