package io.spectrumflow.local.moto;

import io.spectrumflow.local.e2e.IamActions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * Counts the HTTP requests a client sends and the calls answered AccessDenied, naming those calls
 * ({@code Glue:CreateTable}).
 */
final class AwsCallCounter implements ExecutionInterceptor {

  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> denied = new CopyOnWriteArrayList<>();
  private final List<String> listings = new CopyOnWriteArrayList<>();
  private final List<String> deletions = new CopyOnWriteArrayList<>();
  private final List<IamActions.Call> calls = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    // for our own evaluator, where the server is not moto (crawler mode's Glue, the Data API)
    calls.add(
        new IamActions.Call(
            attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
            attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
            context.request()));
    // moto ignores Condition blocks: the prefixes listed are checked against them by the test
    if (context.request() instanceof ListObjectsV2Request list) {
      listings.add(list.bucket() + "/" + (list.prefix() == null ? "" : list.prefix()));
    }
    // ... and checks DeleteObjects on the bucket, not on each key: the keys are checked too
    if (context.request() instanceof DeleteObjectsRequest delete) {
      delete.delete().objects().forEach(o -> deletions.add(delete.bucket() + "/" + o.key()));
    }
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    requests.incrementAndGet();
  }

  /** A quiet DeleteObjects answers 200 and names each key it could not delete. */
  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (context.response() instanceof DeleteObjectsResponse response) {
      response.errors().stream()
          .filter(e -> String.valueOf(e.code()).startsWith("AccessDenied"))
          .forEach(e -> denied.add("S3:DeleteObjects " + e.key()));
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (context.exception() instanceof AwsServiceException e && accessDenied(e)) {
      denied.add(
          attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
              + ":"
              + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  private static boolean accessDenied(AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    // moto answers Glue's and Redshift's denials with an XML body the JSON clients cannot parse
    return e.statusCode() == 403
        || (code != null && code.startsWith("AccessDenied"))
        || String.valueOf(e.getMessage()).contains("AccessDenied");
  }

  /** Counts since the last {@link #reset}. */
  Counts counts() {
    return new Counts(
        requests.get(),
        List.copyOf(denied),
        List.copyOf(listings),
        List.copyOf(deletions),
        List.copyOf(calls));
  }

  void reset() {
    requests.set(0);
    denied.clear();
    listings.clear();
    deletions.clear();
    calls.clear();
  }

  /**
   * @param listings the {@code bucket/prefix} of every ListObjectsV2 call
   * @param deletions the {@code bucket/key} of every object a DeleteObjects call named
   * @param calls every call, with its request
   */
  record Counts(
      int requests,
      List<String> accessDenied,
      List<String> listings,
      List<String> deletions,
      List<IamActions.Call> calls) {}
}
