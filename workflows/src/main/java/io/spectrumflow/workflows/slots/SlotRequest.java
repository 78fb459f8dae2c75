package io.spectrumflow.workflows.slots;

/**
 * A run asking for a slot.
 *
 * @param pipeline the pipeline whose slots it asks for
 * @param holder the run
 * @param limit the pipeline's limit as the run was started with it; the latest request's limit is
 *     the one the slots enforce
 */
public record SlotRequest(String pipeline, SlotHolder holder, int limit) {}
