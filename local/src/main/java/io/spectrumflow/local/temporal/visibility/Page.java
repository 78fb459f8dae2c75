package io.spectrumflow.local.temporal.visibility;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.function.Function;

/**
 * One page of sorted results. The page token is the key (run or schedule id) of the last item
 * given, so that items added meanwhile do not shift later pages.
 *
 * @param next the token of the next page, empty when this is the last
 */
public record Page<T>(List<T> items, ByteString next) {

  /** The server's page size when a request asks for none. */
  public static final int DEFAULT_SIZE = 1000;

  public static <T> Page<T> of(
      List<T> sorted, Function<T, String> key, ByteString token, int requestedSize) {
    int size = requestedSize > 0 ? requestedSize : DEFAULT_SIZE;
    int from = 0;
    if (!token.isEmpty()) {
      String last = token.toStringUtf8();
      for (int i = 0; i < sorted.size(); i++) {
        if (key.apply(sorted.get(i)).equals(last)) {
          from = i + 1;
          break;
        }
      }
    }
    int to = Math.min(sorted.size(), from + size);
    List<T> items = sorted.subList(from, to);
    ByteString next =
        to < sorted.size()
            ? ByteString.copyFromUtf8(key.apply(sorted.get(to - 1)))
            : ByteString.EMPTY;
    return new Page<>(List.copyOf(items), next);
  }
}
