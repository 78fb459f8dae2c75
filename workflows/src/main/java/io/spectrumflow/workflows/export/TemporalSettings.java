package io.spectrumflow.workflows.export;

/**
 * Where the Temporal frontend is, for workers and starters alike.
 *
 * @param target {@code host:port} of the frontend
 * @param namespace the namespace runs live in
 */
public record TemporalSettings(String target, String namespace) {

  public TemporalSettings {
    target = target == null || target.isBlank() ? "127.0.0.1:7233" : target;
    namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
  }
}
