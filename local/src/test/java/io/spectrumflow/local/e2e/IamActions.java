package io.spectrumflow.local.e2e;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;

/**
 * The IAM authorizations of AWS calls: {@code service:Operation} as the SDK names them, and for S3
 * the resource ARN and {@code s3:prefix} each call is authorized against.
 */
public final class IamActions {

  private static final Map<String, String> PREFIXES =
      Map.of("S3", "s3", "Glue", "glue", "RedshiftData", "redshift-data", "Redshift", "redshift");

  /**
   * One authorization: the action, the resource ARN (null where these tests check only actions:
   * every service but S3), and the listing's {@code s3:prefix} (null when the request has none).
   */
  public record Authorization(String action, String resource, String s3Prefix) {}

  /** A call the SDK made: the service and operation it names, and the request. */
  public record Call(String service, String operation, SdkRequest request) {}

  private IamActions() {}

  /** The action of a call to a service other than S3, whose actions are named as operations. */
  private static String action(String service, String operation) {
    String prefix = PREFIXES.get(service);
    if (prefix == null) {
      throw new IllegalArgumentException("no IAM prefix known for service " + service);
    }
    return prefix + ":" + operation;
  }

  /** What IAM authorizes for an SDK call; S3 calls with their objects' and buckets' ARNs. */
  public static List<Authorization> of(Call call) {
    try {
      return authorizations(call);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(call + ": " + e.getMessage(), e);
    }
  }

  private static List<Authorization> authorizations(Call call) {
    if (!call.service().equals("S3")) {
      return List.of(new Authorization(action(call.service(), call.operation()), null, null));
    }
    SdkRequest request = call.request();
    String bucket = field(request, "Bucket");
    String key = field(request, "Key");
    return switch (call.operation()) {
      case "GetObject", "HeadObject" -> List.of(object("s3:GetObject", bucket, key));
      case "PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" ->
          List.of(object("s3:PutObject", bucket, key));
      case "AbortMultipartUpload" -> List.of(object("s3:AbortMultipartUpload", bucket, key));
      case "DeleteObject" -> List.of(object("s3:DeleteObject", bucket, key));
      case "DeleteObjects" ->
          ((DeleteObjectsRequest) request)
              .delete().objects().stream()
                  .map(o -> object("s3:DeleteObject", bucket, o.key()))
                  .toList();
      case "CopyObject" -> {
        CopyObjectRequest copy = (CopyObjectRequest) request;
        // by now the SDK has folded sourceBucket and sourceKey into CopySource, bucket/key encoded
        String copySource = field(request, "CopySource");
        String source = decode(copySource.replaceFirst("^/", "").replaceFirst("\\?.*", ""));
        yield List.of(
            object(
                "s3:GetObject",
                source.substring(0, source.indexOf('/')),
                source.substring(source.indexOf('/') + 1)),
            object("s3:PutObject", copy.destinationBucket(), copy.destinationKey()));
      }
      case "ListObjectsV2", "ListObjects" ->
          List.of(new Authorization("s3:ListBucket", bucketArn(bucket), field(request, "Prefix")));
      case "HeadBucket" -> List.of(new Authorization("s3:ListBucket", bucketArn(bucket), null));
      case "ListBuckets" -> List.of(new Authorization("s3:ListAllMyBuckets", "*", null));
      default ->
          throw new IllegalArgumentException(
              "S3 " + call.operation() + ": no IAM authorization known; add it here");
    };
  }

  /**
   * What IAM authorizes for an S3 REST request as it crossed the wire (path-style): for a client
   * whose SDK requests a test cannot intercept. DeleteObjects names its keys in the body, which
   * this does not see, so it is refused here rather than guessed.
   */
  public static List<Authorization> ofS3Rest(String method, String target, String headers) {
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    Map<String, String> params = new HashMap<>();
    if (query >= 0) {
      for (String pair : target.substring(query + 1).split("&")) {
        int eq = pair.indexOf('=');
        params.put(
            decode(eq < 0 ? pair : pair.substring(0, eq)),
            eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    String rest = path.startsWith("/") ? path.substring(1) : path;
    int slash = rest.indexOf('/');
    String bucket = decode(slash < 0 ? rest : rest.substring(0, slash));
    String key = slash < 0 || slash == rest.length() - 1 ? null : decode(rest.substring(slash + 1));
    String copySource = header(headers, "x-amz-copy-source");
    if (key == null) {
      if (method.equals("GET") || method.equals("HEAD")) {
        return List.of(new Authorization("s3:ListBucket", bucketArn(bucket), params.get("prefix")));
      }
      throw new IllegalArgumentException(
          "S3 "
              + method
              + " "
              + target
              + (params.containsKey("delete")
                  ? ": DeleteObjects names its keys in the body, which the proxy does not see"
                  : ": no IAM authorization known; add it here"));
    }
    List<Authorization> authorizations = new ArrayList<>();
    switch (method) {
      case "GET", "HEAD" -> authorizations.add(object("s3:GetObject", bucket, key));
      case "PUT", "POST" -> {
        // PutObject, CopyObject's target, and the steps of a multipart upload
        authorizations.add(object("s3:PutObject", bucket, key));
        if (copySource != null) {
          String source = decode(copySource.startsWith("/") ? copySource.substring(1) : copySource);
          authorizations.add(
              object(
                  "s3:GetObject",
                  source.substring(0, source.indexOf('/')),
                  source.substring(source.indexOf('/') + 1)));
        }
      }
      case "DELETE" ->
          authorizations.add(
              object(
                  params.containsKey("uploadId") ? "s3:AbortMultipartUpload" : "s3:DeleteObject",
                  bucket,
                  key));
      default ->
          throw new IllegalArgumentException(
              "S3 " + method + " " + target + ": no IAM authorization known; add it here");
    }
    return authorizations;
  }

  private static Authorization object(String action, String bucket, String key) {
    if (bucket == null || key == null) {
      throw new IllegalArgumentException(action + ": the request names no bucket or key");
    }
    return new Authorization(action, "arn:aws:s3:::" + bucket + "/" + key, null);
  }

  private static String bucketArn(String bucket) {
    return "arn:aws:s3:::" + bucket;
  }

  private static String field(SdkRequest request, String name) {
    return request.getValueForField(name, String.class).orElse(null);
  }

  private static String header(String headers, String name) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return null;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
