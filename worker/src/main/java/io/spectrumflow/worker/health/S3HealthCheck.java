package io.spectrumflow.worker.health;

import io.spectrumflow.activities.aws.AwsSettings;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3 answers: HeadBucket on each configured bucket (a permission the workers already have), or
 * ListBuckets when none are configured.
 */
public final class S3HealthCheck extends AwsServiceHealthCheck {

  private final S3Client s3;
  private final List<String> buckets;

  public S3HealthCheck(S3Client s3, AwsSettings settings, List<String> buckets) {
    super("S3", settings.s3Endpoint(), settings.region());
    this.s3 = s3;
    this.buckets = List.copyOf(buckets);
  }

  @Override
  protected String probe() {
    if (buckets.isEmpty()) {
      int count = call("ListBuckets", () -> s3.listBuckets().buckets().size());
      return "ListBuckets answered with " + count + " bucket(s)";
    }
    for (String bucket : buckets) {
      call("HeadBucket " + bucket, () -> s3.headBucket(b -> b.bucket(bucket)));
    }
    return "HeadBucket answered for " + String.join(", ", buckets);
  }
}
