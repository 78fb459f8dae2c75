package io.spectrumflow.local.aws.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests checked against the service models and the violations found, per operation. Each server
 * keeps its own, and every one also adds to the {@link #global()} ledger of the JVM, which a test
 * run prints at its end. A server whose client breaks the contract on purpose (a test of the
 * refusal itself) is marked {@link #deliberate()}: its violations are kept apart in the global
 * ledger, so that those of the code under test stand out.
 */
public final class ContractLedger {

  private static final ContractLedger GLOBAL = new ContractLedger(null);

  private final ContractLedger parent;
  private final ConcurrentMap<String, LongAdder> checked = new ConcurrentHashMap<>();
  private final List<ContractViolation> violations = new CopyOnWriteArrayList<>();
  private final List<ContractViolation> deliberateViolations = new CopyOnWriteArrayList<>();
  private final List<ContractViolation> unexpected = new CopyOnWriteArrayList<>();
  private volatile boolean deliberate;

  private ContractLedger(ContractLedger parent) {
    this.parent = parent;
  }

  /** A ledger of one server, adding to the global one. */
  public static ContractLedger forServer() {
    return childOf(GLOBAL);
  }

  /** A ledger adding to {@code parent}. */
  static ContractLedger childOf(ContractLedger parent) {
    return new ContractLedger(parent);
  }

  /** A ledger of its own, adding to no other (for tests of the check itself). */
  public static ContractLedger standalone() {
    return new ContractLedger(null);
  }

  /** Everything checked in this JVM. */
  public static ContractLedger global() {
    return GLOBAL;
  }

  /** Records one checked request of {@code operation} and what was wrong with it. */
  public void record(String operation, List<ContractViolation> found) {
    record(operation, found, deliberate);
  }

  private void record(String operation, List<ContractViolation> found, boolean onPurpose) {
    checked.computeIfAbsent(operation, o -> new LongAdder()).increment();
    violations.addAll(found);
    (onPurpose ? deliberateViolations : unexpected).addAll(found);
    if (parent != null) {
      parent.record(operation, found, onPurpose);
    }
  }

  /**
   * Marks this server's clients as breaking the contract on purpose; returns this ledger. Its own
   * {@link #violations()} still lists them all.
   */
  public ContractLedger deliberate() {
    deliberate = true;
    return this;
  }

  /** Requests checked per operation, sorted by operation. */
  public Map<String, Long> checked() {
    Map<String, Long> counts = new TreeMap<>();
    checked.forEach((operation, count) -> counts.put(operation, count.sum()));
    return counts;
  }

  public long checkedTotal() {
    return checked.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Every violation recorded here, deliberate ones included. */
  public List<ContractViolation> violations() {
    return new ArrayList<>(violations);
  }

  /** The violations made by clients that were not breaking the contract on purpose. */
  public List<ContractViolation> unexpectedViolations() {
    return new ArrayList<>(unexpected);
  }

  /**
   * A table of operations, requests checked and violations (deliberate ones apart), then each
   * violation that was not deliberate.
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    Map<String, Long> counts = checked();
    counts.forEach(
        (operation, count) -> {
          long bad = unexpected.stream().filter(v -> v.operation().equals(operation)).count();
          long onPurpose =
              deliberateViolations.stream().filter(v -> v.operation().equals(operation)).count();
          out.append(
              String.format(
                      "  %-44s %6d checked %4d violations %s",
                      operation,
                      count,
                      bad,
                      onPurpose == 0 ? "" : "(+" + onPurpose + " deliberate)")
                  .stripTrailing()
                  .concat("\n"));
        });
    out.append(
        String.format(
            "  %d requests checked in %d operations, %d violations (%d more made on purpose by"
                + " tests of the refusals)%n",
            checkedTotal(), counts.size(), unexpected.size(), deliberateViolations.size()));
    unexpected.forEach(v -> out.append("  VIOLATION ").append(v).append('\n'));
    return out.toString();
  }
}
