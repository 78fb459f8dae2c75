package io.spectrumflow.local.aws.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing and the token for the next. The token holds the key of the last item
 * returned, not an offset, so items added or removed between calls neither repeat nor go missing.
 *
 * @param nextToken null on the last page
 */
public record Page<T>(List<T> items, String nextToken) {

  /**
   * The page after {@code token} of at most {@code size} items, ordered by {@code key}.
   *
   * @param token a token from an earlier page, or null for the first page
   * @param invalidToken the error for a token this server did not make
   */
  public static <T> Page<T> of(
      List<T> all,
      Function<T, String> key,
      String token,
      int size,
      Function<String, AwsException> invalidToken) {
    String after = token == null || token.isEmpty() ? null : decode(token, invalidToken);
    List<T> remaining =
        all.stream()
            .filter(item -> after == null || key.apply(item).compareTo(after) > 0)
            .sorted(Comparator.comparing(key))
            .toList();
    if (remaining.size() <= size) {
      return new Page<>(remaining, null);
    }
    List<T> items = remaining.subList(0, size);
    return new Page<>(items, encode(key.apply(items.get(size - 1))));
  }

  private static String encode(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token, Function<String, AwsException> invalidToken) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalidToken.apply("Invalid pagination token: " + token);
    }
  }
}
