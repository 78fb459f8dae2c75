package io.spectrumflow.local.aws.glue.crawler;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * An S3 target's {@code Exclusions}: glob patterns over keys relative to the target path, with
 * Glue's syntax ({@code *} within a folder, {@code **} across folders, {@code ?}, {@code [a-z]},
 * {@code {a,b}}), e.g. {@code **.csv} or {@code tmp/**}.
 */
final class ExclusionPatterns {

  private final List<PathMatcher> matchers;

  private ExclusionPatterns(List<PathMatcher> matchers) {
    this.matchers = matchers;
  }

  /**
   * @throws IllegalArgumentException naming the pattern that is not a valid glob
   */
  static ExclusionPatterns of(List<String> patterns) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String pattern : patterns) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "Invalid exclusion pattern '" + pattern + "': " + e.getDescription(), e);
      }
    }
    return new ExclusionPatterns(List.copyOf(matchers));
  }

  boolean excludes(String relativeKey) {
    Path path = Path.of(relativeKey);
    return matchers.stream().anyMatch(m -> m.matches(path));
  }
}
