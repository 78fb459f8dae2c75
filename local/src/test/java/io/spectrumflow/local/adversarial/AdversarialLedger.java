package io.spectrumflow.local.adversarial;

import java.util.ArrayList;
import java.util.List;

/**
 * The standing adversarial suite's ledger. The tests that try an attack or a careless operator's
 * mistake (cross-pipeline ids, shared tables, an open admin, a token in the URL, a reused
 * idempotency key, racing posts, bursts, invalid UTF-8, out-of-range numbers, path segments in ids,
 * killed workers) write what they tried and what happened here; {@link AdversarialSummary} prints
 * the table when the test run ends. A case is only written once its assertions have passed, so a
 * line in the table is a checked outcome, not a claim.
 */
public final class AdversarialLedger {

  /**
   * One case tried.
   *
   * @param area what is attacked, e.g. "ids" or "admin"
   * @param name the case
   * @param outcome what happened, e.g. "401" or "refused: invalid UTF-8 at line 3"
   * @param rowsExpected rows that should be in the table afterwards; -1 when no rows are involved
   * @param rowsFound rows counted through the Data API afterwards; -1 when no rows are involved
   */
  public record Case(String area, String name, String outcome, long rowsExpected, long rowsFound) {}

  private static final List<Case> CASES = new ArrayList<>();

  private AdversarialLedger() {}

  /** A case whose bad request or input was refused, as the test asserted. */
  public static void refused(String area, String name, String outcome) {
    add(new Case(area, name, "refused: " + outcome, -1, -1));
  }

  /** A case checked by counting rows afterwards, as the test asserted. */
  public static void rows(String area, String name, String outcome, long expected, long found) {
    add(new Case(area, name, outcome, expected, found));
  }

  static synchronized List<Case> cases() {
    return List.copyOf(CASES);
  }

  private static synchronized void add(Case c) {
    CASES.add(c);
  }
}
