package io.spectrumflow.local.aws.contract;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, when a test run ends, how many requests to the stand-in and the embedded S3 were checked
 * against AWS's contract, per operation, and every violation. Registered through {@code
 * META-INF/services}, like the adversarial summary.
 */
public final class ContractSummary implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    ContractLedger ledger = ContractLedger.global();
    if (ledger.checkedTotal() == 0) {
      return;
    }
    String models =
        ServiceModels.shared().isPresent()
            ? "on"
            : "off for Glue and Redshift (botocore's models not found), on for S3";
    System.out.println("AWS contract check (" + models + "):\n" + ledger.summary());
  }
}
