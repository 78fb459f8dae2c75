package io.spectrumflow.local.s3;

import io.spectrumflow.local.aws.contract.ContractLedger;
import io.spectrumflow.local.aws.contract.ContractViolation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.domain.MultipartUpload;
import org.jclouds.blobstore.options.CopyOptions;
import org.jclouds.blobstore.options.CreateContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.jclouds.domain.Location;

/**
 * Refuses what real S3 refuses and S3Proxy lets through, so that a request our code gets wrong
 * fails here too: object keys over 1024 bytes of UTF-8, user metadata over 2 KB (keys plus values,
 * UTF-8), more than 1000 keys in one DeleteObjects, and bucket names outside S3's naming rules. A
 * refusal is a 400 (S3Proxy answers an IllegalArgumentException with InvalidArgument) and is kept
 * in the ledger with every request checked. The rules themselves are public ({@link
 * #objectViolations}, {@link #deleteViolations}, {@link #bucketViolations}) so that a client-side
 * check against another server (moto) applies the same ones.
 */
public final class S3RequestCheck extends ForwardingBlobStore {

  static final int MAX_KEY_BYTES = 1024;
  static final int MAX_USER_METADATA_BYTES = 2048;

  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  private final ContractLedger ledger;

  S3RequestCheck(BlobStore delegate, ContractLedger ledger) {
    super(delegate);
    this.ledger = ledger;
  }

  @Override
  public boolean createContainerInLocation(Location location, String container) {
    checkBucket(container);
    return super.createContainerInLocation(location, container);
  }

  @Override
  public boolean createContainerInLocation(
      Location location, String container, CreateContainerOptions options) {
    checkBucket(container);
    return super.createContainerInLocation(location, container, options);
  }

  @Override
  public String putBlob(String container, Blob blob) {
    checkObject("s3.PutObject", blob.getMetadata());
    return super.putBlob(container, blob);
  }

  @Override
  public String putBlob(String container, Blob blob, PutOptions options) {
    checkObject("s3.PutObject", blob.getMetadata());
    return super.putBlob(container, blob, options);
  }

  @Override
  public MultipartUpload initiateMultipartUpload(
      String container, BlobMetadata metadata, PutOptions options) {
    checkObject("s3.CreateMultipartUpload", metadata);
    return super.initiateMultipartUpload(container, metadata, options);
  }

  @Override
  public String copyBlob(
      String fromContainer,
      String fromName,
      String toContainer,
      String toName,
      CopyOptions options) {
    verdict("s3.CopyObject", objectViolations("s3.CopyObject", toName, options.userMetadata()));
    return super.copyBlob(fromContainer, fromName, toContainer, toName, options);
  }

  @Override
  public void removeBlobs(String container, Iterable<String> names) {
    int count = 0;
    for (String ignored : names) {
      count++;
    }
    verdict("s3.DeleteObjects", deleteViolations(count));
    super.removeBlobs(container, names);
  }

  /** What S3 refuses in one DeleteObjects of {@code keys} keys. */
  public static List<ContractViolation> deleteViolations(int keys) {
    List<ContractViolation> found = new ArrayList<>();
    if (keys > S3Limits.DELETE_MAX_KEYS) {
      found.add(
          new ContractViolation(
              "s3.DeleteObjects",
              "delete.objects",
              "Member must have length less than or equal to " + S3Limits.DELETE_MAX_KEYS,
              keys + " keys"));
    }
    return found;
  }

  private void checkBucket(String bucket) {
    verdict("s3.CreateBucket", bucketViolations(bucket));
  }

  /** What S3 refuses in a bucket's name. */
  public static List<ContractViolation> bucketViolations(String bucket) {
    List<ContractViolation> found = new ArrayList<>();
    if (!BUCKET_NAME.matcher(bucket).matches()
        || bucket.contains("..")
        || IP_ADDRESS.matcher(bucket).matches()
        || bucket.startsWith("xn--")
        || bucket.endsWith("-s3alias")) {
      found.add(
          new ContractViolation(
              "s3.CreateBucket",
              "bucket",
              "Bucket names are 3 to 63 lowercase letters, digits, dots and hyphens, begin and end"
                  + " with a letter or digit, have no '..' and are not an IP address",
              bucket));
    }
    return found;
  }

  private void checkObject(String operation, BlobMetadata metadata) {
    verdict(operation, objectViolations(operation, metadata.getName(), metadata.getUserMetadata()));
  }

  /**
   * What S3 refuses in an object written by {@code operation} (e.g. {@code s3.PutObject}): its key
   * and its user metadata (null: none).
   */
  public static List<ContractViolation> objectViolations(
      String operation, String key, Map<String, String> userMetadata) {
    List<ContractViolation> found = new ArrayList<>();
    key(operation, key, found);
    if (userMetadata != null) {
      metadata(operation, userMetadata, found);
    }
    return found;
  }

  private static void key(String operation, String key, List<ContractViolation> found) {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      found.add(
          new ContractViolation(
              operation,
              "key",
              "Object keys must be at most " + MAX_KEY_BYTES + " bytes of UTF-8 (" + bytes + ")",
              key));
    }
  }

  private static void metadata(
      String operation, Map<String, String> userMetadata, List<ContractViolation> found) {
    int bytes = 0;
    for (Map.Entry<String, String> entry : userMetadata.entrySet()) {
      bytes += entry.getKey().getBytes(StandardCharsets.UTF_8).length;
      bytes +=
          entry.getValue() == null ? 0 : entry.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > MAX_USER_METADATA_BYTES) {
      found.add(
          new ContractViolation(
              operation,
              "metadata",
              "User metadata must be at most 2 KB (keys and values, UTF-8): " + bytes + " bytes",
              userMetadata.keySet().toString()));
    }
  }

  private void verdict(String operation, List<ContractViolation> found) {
    ledger.record(operation, found);
    if (!found.isEmpty()) {
      throw new IllegalArgumentException(
          found.stream()
              .map(ContractViolation::message)
              .reduce((a, b) -> a + "; " + b)
              .orElseThrow());
    }
  }
}
