package io.spectrumflow.workflows.export;

import io.temporal.api.common.v1.Payload;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.converter.FailureConverter;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.DefaultFailureConverter;
import java.lang.reflect.Type;

/**
 * The worker's data converter: Temporal's default (so payloads are written exactly as any client
 * with the default converter writes them), except that an {@link ExportRequest} is read by {@link
 * ExportRequestReader}, which accepts the YAML's spellings and refuses a bad request with a message
 * naming the field, instead of throwing the exception that makes Temporal retry the workflow task
 * for ever. Clients need nothing: the failure reaches them as an ordinary {@code InvalidRequest}
 * {@link ApplicationFailure}.
 *
 * <p>Workflows taking an {@code ExportRequest} must be registered with {@code
 * setFailWorkflowExceptionTypes(UnreadableRequestException.class)}: Temporal 1.31 applies those
 * types to exceptions from decoding the workflow's argument too.
 */
public final class ExportDataConverter {

  public static final DataConverter INSTANCE =
      DefaultDataConverter.newDefaultInstance()
          .withPayloadConverterOverrides(new RequestPayloadConverter())
          .withFailureConverter(new RequestFailureConverter());

  private ExportDataConverter() {}

  /** Jackson JSON as Temporal writes it; export requests read by the tolerant, exact reader. */
  private static final class RequestPayloadConverter extends JacksonJsonPayloadConverter {
    @Override
    public <T> T fromData(Payload content, Class<T> valueClass, Type valueType)
        throws DataConverterException {
      if (valueClass == ExportRequest.class) {
        return valueClass.cast(ExportRequestReader.read(content.getData().toByteArray()));
      }
      return super.fromData(content, valueClass, valueType);
    }
  }

  /** Reports an unreadable request as the typed, non-retryable failure a bad request gets. */
  private static final class RequestFailureConverter implements FailureConverter {
    private final DefaultFailureConverter standard = new DefaultFailureConverter();

    @Override
    public RuntimeException failureToException(Failure failure, DataConverter dataConverter) {
      return standard.failureToException(failure, dataConverter);
    }

    @Override
    public Failure exceptionToFailure(Throwable throwable, DataConverter dataConverter) {
      if (throwable instanceof UnreadableRequestException) {
        ApplicationFailure failure =
            ApplicationFailure.newNonRetryableFailure(
                throwable.getMessage(), ExportFailures.INVALID_REQUEST);
        failure.setStackTrace(new StackTraceElement[0]);
        return standard.exceptionToFailure(failure, dataConverter);
      }
      return standard.exceptionToFailure(throwable, dataConverter);
    }
  }
}
