package io.spectrumflow.local.aws.glue.crawler;

/** One of a crawler's {@code Targets.S3Targets}: the include path and its exclusions. */
record S3Target(String path, ExclusionPatterns exclusions) {}
