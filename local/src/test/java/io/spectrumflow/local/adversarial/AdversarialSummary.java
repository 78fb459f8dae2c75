package io.spectrumflow.local.adversarial;

import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the adversarial suite's summary when a test run ends: cases tried, refused as expected,
 * and rows expected vs found. Registered through {@code META-INF/services}, JUnit's way for a
 * listener of the whole run, so every test class of the module can add to one table.
 */
public final class AdversarialSummary implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    List<AdversarialLedger.Case> cases = AdversarialLedger.cases();
    if (cases.isEmpty()) {
      return;
    }
    System.out.println(table(cases));
  }

  static String table(List<AdversarialLedger.Case> cases) {
    StringBuilder out = new StringBuilder("Adversarial suite:\n");
    long refused = 0;
    long expected = 0;
    long found = 0;
    for (AdversarialLedger.Case c : cases) {
      boolean counted = c.rowsExpected() >= 0;
      if (c.outcome().startsWith("refused")) {
        refused++;
      }
      if (counted) {
        expected += c.rowsExpected();
        found += c.rowsFound();
      }
      String line =
          String.format(
              "  %-12s %-56s %-50s %s",
              c.area(),
              c.name(),
              c.outcome(),
              counted ? "rows " + c.rowsExpected() + "/" + c.rowsFound() : "");
      out.append(line.stripTrailing()).append('\n');
    }
    out.append(
        String.format(
            "  %d cases tried, %d refused as expected, rows expected %d, found %d%n",
            cases.size(), refused, expected, found));
    return out.toString();
  }
}
