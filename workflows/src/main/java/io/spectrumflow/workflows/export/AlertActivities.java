package io.spectrumflow.workflows.export;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tells people about runs that need them. */
@ActivityInterface
public interface AlertActivities {

  /** POSTs the alert as JSON (with a Slack-compatible {@code text}) to its webhook. */
  @ActivityMethod
  void notifyFailure(FailureAlert alert);
}
