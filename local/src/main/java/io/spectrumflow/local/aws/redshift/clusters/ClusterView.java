package io.spectrumflow.local.aws.redshift.clusters;

import java.time.Instant;
import java.util.List;

/**
 * A cluster as DescribeClusters shows it.
 *
 * @param iamRoles the associated role ARNs, in the order they were associated
 * @param defaultIamRoleArn the role {@code IAM_ROLE default} means, or null
 */
record ClusterView(
    String identifier, List<String> iamRoles, String defaultIamRoleArn, Instant createTime) {}
