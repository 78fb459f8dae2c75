package io.spectrumflow.local.aws.redshift;

/**
 * Which ClusterIdentifiers and WorkgroupNames exist, for the Data API to turn others away as
 * Redshift does. {@link #ANY} accepts every name.
 */
@FunctionalInterface
public interface KnownClusters {

  KnownClusters ANY = name -> true;

  boolean exists(String clusterOrWorkgroup);
}
