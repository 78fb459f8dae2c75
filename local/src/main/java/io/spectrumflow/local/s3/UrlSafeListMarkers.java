package io.spectrumflow.local.s3;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.internal.PageSetImpl;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * Makes listing markers survive {@code encoding-type=url}. S3Proxy URL-encodes a listing's next
 * marker when the request asks for URL encoding, also as ListObjectsV2's NextContinuationToken,
 * which S3 returns verbatim and clients (the AWS CLI, boto3, the Java SDK) send back as they got
 * it: S3Proxy then took the encoded text for a key, and started the next page in the wrong place
 * (the same page again, which the CLI reports as "The same next token was received twice", or keys
 * skipped). So a next marker holds only characters URL encoding leaves alone: the last key itself
 * when it has only those (ListObjects' NextMarker stays that key, as on S3), else {@value #PREFIX}
 * and the key's UTF-8 bytes in hex; markers coming back are decoded before the listing. A
 * start-after key that happens to look like such a token ({@value #PREFIX} and hex digits holding
 * valid UTF-8) would be read as one.
 */
final class UrlSafeListMarkers extends ForwardingBlobStore {

  static final String PREFIX = "sf1-";

  UrlSafeListMarkers(BlobStore delegate) {
    super(delegate);
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container) {
    return list(container, ListContainerOptions.NONE);
  }

  @Override
  public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
    ListContainerOptions decoded = options;
    if (options.getMarker() != null) {
      decoded = options.clone();
      decoded.afterMarker(decode(options.getMarker()));
    }
    PageSet<? extends StorageMetadata> page = super.list(container, decoded);
    String next = page.getNextMarker();
    return next == null ? page : new PageSetImpl<>(page, encode(next));
  }

  /** The marker for the last key of a page: the key when URL encoding keeps it as it is. */
  static String encode(String key) {
    if (!key.startsWith(PREFIX) && key.chars().allMatch(UrlSafeListMarkers::isUnescaped)) {
      return key;
    }
    return PREFIX + HexFormat.of().formatHex(key.getBytes(StandardCharsets.UTF_8));
  }

  /** The key a marker stands for; a marker that is no token is a key. */
  static String decode(String marker) {
    if (!marker.startsWith(PREFIX)) {
      return marker;
    }
    String hex = marker.substring(PREFIX.length());
    if (hex.length() % 2 != 0 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return marker;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(HexFormat.of().parseHex(hex)))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return marker;
    }
  }

  /** What S3Proxy's URL encoder keeps: letters, digits and {@code *-./_}. */
  private static boolean isUnescaped(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '*'
        || c == '-'
        || c == '.'
        || c == '/'
        || c == '_';
  }
}
