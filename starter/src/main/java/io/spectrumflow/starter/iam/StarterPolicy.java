package io.spectrumflow.starter.iam;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.Collection;
import java.util.List;

/**
 * The least-privilege IAM policy of the starter, which reaches AWS only to stage what it is given:
 * it writes posted bodies under the staging prefix, reads and lists there (whether a body is
 * already staged, which batches a backfill re-exports) and deletes there (retention). Scoped by the
 * staging prefix, not by the keys' shapes under it, which change with the staging scheme.
 */
public final class StarterPolicy {

  private final String bucket;
  private final String keyPrefix;
  private final String partition;

  /**
   * @param stagingRoot {@code starter.staging} as {@code bucket/prefix/} (every pipeline's staging
   *     folder is under it)
   * @param pipelines the starter's pipelines; their roles' ARNs give the AWS partition
   */
  public StarterPolicy(String stagingRoot, Collection<PipelineSpec> pipelines) {
    int slash = stagingRoot.indexOf('/');
    this.bucket = slash < 0 ? stagingRoot : stagingRoot.substring(0, slash);
    this.keyPrefix = slash < 0 ? "" : stagingRoot.substring(slash + 1);
    this.partition =
        pipelines.stream()
            .map(p -> PolicyDocuments.partitionOf(p.redshift().iamRole()))
            .findFirst()
            .orElse("aws");
  }

  /** The starter's policy. */
  public ObjectNode document() {
    ObjectNode policy = PolicyDocuments.document();
    ArrayNode statements = policy.withArray("Statement");
    statements.add(
        PolicyDocuments.statement(
            "StageBodies",
            // GetObject: HeadObject of an already staged body; DeleteObject: retention
            List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject"),
            List.of(PolicyDocuments.s3(partition, bucket + "/" + keyPrefix + "*"))));
    statements.add(
        PolicyDocuments.listUnder("ListStaging", PolicyDocuments.s3(partition, bucket), keyPrefix));
    return policy;
  }
}
