package io.spectrumflow.local.moto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spectrumflow.local.aws.contract.ContractCheck;
import io.spectrumflow.local.aws.contract.ContractViolation;
import io.spectrumflow.local.s3.S3RequestCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Checks what our clients send moto against AWS's rules, since moto accepts much that AWS refuses:
 * Glue's JSON bodies and Redshift's Query parameters against botocore's service models, S3 requests
 * against the rules of our S3 check ({@link S3RequestCheck}: key length, metadata size, keys per
 * DeleteObjects, bucket names). Data API requests are left to the stand-in that answers them, which
 * checks them itself. Off, checking nothing, where botocore's models are absent.
 */
final class ModelCheckingInterceptor implements ExecutionInterceptor {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ContractCheck contract;
  private final AtomicInteger checked = new AtomicInteger();
  private final List<ContractViolation> violations = new CopyOnWriteArrayList<>();

  ModelCheckingInterceptor(ContractCheck contract) {
    this.contract = contract;
  }

  boolean enabled() {
    return contract.enabled();
  }

  /** S3 is REST-XML: its rules are checked on the request object, before marshalling. */
  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (!enabled()) {
      return;
    }
    SdkRequest request = context.request();
    List<ContractViolation> found;
    if (request instanceof PutObjectRequest put) {
      found = S3RequestCheck.objectViolations("s3.PutObject", put.key(), put.metadata());
    } else if (request instanceof CreateMultipartUploadRequest create) {
      found =
          S3RequestCheck.objectViolations(
              "s3.CreateMultipartUpload", create.key(), create.metadata());
    } else if (request instanceof CopyObjectRequest copy) {
      found =
          S3RequestCheck.objectViolations("s3.CopyObject", copy.destinationKey(), copy.metadata());
    } else if (request instanceof DeleteObjectsRequest delete) {
      found = S3RequestCheck.deleteViolations(delete.delete().objects().size());
    } else if (request instanceof CreateBucketRequest create) {
      found = S3RequestCheck.bucketViolations(create.bucket());
    } else {
      return;
    }
    record(found);
  }

  /** Glue and Redshift: the marshalled body, as the server receives it. */
  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (!enabled()) {
      return;
    }
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Optional<ContentStreamProvider> body =
        context.requestBody().map(b -> b.contentStreamProvider());
    if ("Glue".equals(service)) {
      String target =
          context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("AWSGlue." + operation);
      int dot = target.indexOf('.');
      JsonNode json = parse(body);
      record(contract.checkJson(target.substring(0, dot), target.substring(dot + 1), json));
    } else if ("Redshift".equals(service)) {
      record(contract.checkQuery(form(text(body))));
    }
  }

  private void record(List<ContractViolation> found) {
    checked.incrementAndGet();
    violations.addAll(found);
  }

  /** Requests checked since the last {@link #reset}. */
  int checked() {
    return checked.get();
  }

  /** Violations found since the last {@link #reset}. */
  List<ContractViolation> violations() {
    return List.copyOf(violations);
  }

  void reset() {
    checked.set(0);
    violations.clear();
  }

  private static JsonNode parse(Optional<ContentStreamProvider> body) {
    String text = text(body);
    try {
      return JSON.readTree(text.isEmpty() ? "{}" : text);
    } catch (IOException e) {
      throw new UncheckedIOException("a Glue request body that is not JSON: " + text, e);
    }
  }

  private static String text(Optional<ContentStreamProvider> body) {
    if (body.isEmpty()) {
      return "";
    }
    try (InputStream in = body.get().newStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        parameters.put(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return parameters;
  }
}
