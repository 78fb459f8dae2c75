package io.spectrumflow.local.aws.glue.crawler;

/** A crawler's {@code State}. */
enum CrawlerState {
  READY,
  RUNNING,
  STOPPING
}
