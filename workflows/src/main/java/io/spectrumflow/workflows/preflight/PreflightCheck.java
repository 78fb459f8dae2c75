package io.spectrumflow.workflows.preflight;

/**
 * One check of a pipeline's setup.
 *
 * @param name what was checked
 * @param ok whether it passed
 * @param detail what was found, and when it failed, what to do
 */
public record PreflightCheck(String name, boolean ok, String detail) {}
