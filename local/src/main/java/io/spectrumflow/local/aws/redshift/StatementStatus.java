package io.spectrumflow.local.aws.redshift;

/** A statement's status as DescribeStatement reports it. */
enum StatementStatus {
  SUBMITTED,
  PICKED,
  STARTED,
  FINISHED,
  ABORTED,
  FAILED;

  boolean isDone() {
    return this == FINISHED || this == ABORTED || this == FAILED;
  }
}
