package io.spectrumflow.workflows.export;

import java.util.List;

/**
 * What undoing a run's partition switches did.
 *
 * @param restored partitions pointed back at the version they had before the run
 * @param dropped partitions the run had created, removed again
 * @param kept partitions that point at the batch's version folder because an earlier run of the
 *     same batch put them there: their objects are the table's data and stay
 */
public record UndoSwitchResult(List<String> restored, List<String> dropped, List<String> kept) {}
