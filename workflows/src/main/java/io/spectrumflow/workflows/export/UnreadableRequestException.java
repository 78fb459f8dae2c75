package io.spectrumflow.workflows.export;

import io.temporal.common.converter.DataConverterException;

/**
 * An {@link ExportRequest} payload that cannot be read. It is a {@link DataConverterException} so
 * that Temporal's converter passes it on unwrapped; registered as a workflow's {@code
 * failWorkflowExceptionTypes} it fails the run on its first workflow task (Temporal would otherwise
 * retry the task for ever), and {@link ExportDataConverter} reports it as a non-retryable {@link
 * ExportFailures#INVALID_REQUEST} failure. It carries no stack trace: the worker logs the failure
 * once, and the message is all there is to say.
 */
public final class UnreadableRequestException extends DataConverterException {

  private static final long serialVersionUID = 1L;

  public UnreadableRequestException(String message) {
    super(message);
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
