package io.spectrumflow.starter.config;

/**
 * The region a pipeline's {@code CREATE EXTERNAL SCHEMA} names: Spectrum reads the Glue catalog of
 * that region, and the workers write the catalog in their own {@code aws.region}, so the two are
 * one region.
 */
final class RedshiftRegion {

  /** Only when the file names no {@code aws.region} and the pipeline no region. */
  static final String FALLBACK = "us-east-1";

  private RedshiftRegion() {}

  /**
   * @param key the setting's full key, {@code pipelines.<name>.redshift.region}
   * @param configured {@code redshift.region}, or null
   * @param awsRegion the workers' {@code aws.region}, or null when the file sets none
   * @throws ConfigException naming both settings when they differ
   */
  static String effective(String key, String configured, String awsRegion) {
    String given = configured == null || configured.isBlank() ? null : configured.trim();
    String workers = awsRegion == null || awsRegion.isBlank() ? null : awsRegion.trim();
    if (given != null && workers != null && !given.equals(workers)) {
      throw new ConfigException(
          key
              + " is "
              + given
              + " but aws.region is "
              + workers
              + ": Spectrum reads the Glue catalog of the region the workers write; set both to"
              + " one region, or leave redshift.region out");
    }
    return given != null ? given : workers != null ? workers : FALLBACK;
  }
}
