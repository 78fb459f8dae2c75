package io.spectrumflow.workflows.export;

/**
 * How long one step of a run took, from scheduling its first attempt to its completion.
 *
 * @param step the step's name
 * @param millis its duration
 */
public record StepTiming(String step, long millis) {}
