package io.spectrumflow.activities.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Puts the failed call's service and operation ({@code Glue.CreateTable}) at the start of the
 * exception's message, keeping its type: a run that fails then says which call failed, not only
 * which step.
 */
final class CallNaming implements ExecutionInterceptor {

  @Override
  public Throwable modifyException(
      Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable failure = context.exception();
    String call =
        attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME)
            + "."
            + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (failure instanceof AwsServiceException aws) {
      String message =
          aws.awsErrorDetails() != null && aws.awsErrorDetails().errorMessage() != null
              ? aws.awsErrorDetails().errorMessage()
              : aws.getMessage();
      return aws.toBuilder().message(call + ": " + message).build();
    }
    if (failure instanceof SdkClientException client
        && !String.valueOf(client.getMessage()).startsWith(call)) {
      return client.toBuilder().message(call + ": " + client.getMessage()).build();
    }
    return failure;
  }
}
