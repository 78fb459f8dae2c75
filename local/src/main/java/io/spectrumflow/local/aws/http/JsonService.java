package io.spectrumflow.local.aws.http;

import java.util.Map;

/**
 * One AWS JSON 1.1 service: the {@code X-Amz-Target} prefix it answers to and its operations by
 * name.
 *
 * @param targetPrefix e.g. {@code AWSGlue} for {@code X-Amz-Target: AWSGlue.GetTable}
 * @param validationErrorType the {@code __type} for missing or out-of-range members
 * @param internalErrorType the {@code __type} of a 500 (SDKs retry those)
 * @param operations operation name to handler
 */
public record JsonService(
    String targetPrefix,
    String validationErrorType,
    String internalErrorType,
    Map<String, Operation> operations) {

  public JsonService {
    operations = Map.copyOf(operations);
  }
}
