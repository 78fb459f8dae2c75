package io.spectrumflow.starter.staging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What names a staged body: the first 128 bits of its SHA-256, in hex. Two different bodies of one
 * batch never share a staged object, and the same body posted again is recognised.
 */
public final class BodyDigest {

  /** Hex characters kept of the SHA-256: 128 bits, so a collision is not a practical concern. */
  static final int LENGTH = 32;

  private BodyDigest() {}

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest()).substring(0, LENGTH);
  }

  /**
   * The digest of files staged as one batch: of the one file's bytes, or of the files' digests in
   * order, so that one file staged from the command line has the digest it has posted.
   */
  public static String of(List<Path> files) throws IOException {
    List<String> digests = new ArrayList<>();
    for (Path file : files) {
      digests.add(of(file));
    }
    return ofDigests(digests);
  }

  private static String of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in);
    }
  }

  /** The digest of one body read from a stream. */
  static String of(InputStream in) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      digest.update(buffer, 0, n);
    }
    return hex(digest);
  }

  /** The digest of several bodies from their own digests, in order, as {@link #of} makes it. */
  static String ofDigests(List<String> digests) {
    if (digests.size() == 1) {
      return digests.get(0);
    }
    MessageDigest all = sha256();
    for (String one : digests) {
      all.update((one + "\n").getBytes(StandardCharsets.US_ASCII));
    }
    return hex(all);
  }

  /** Whether a text is a digest as {@link #of} writes it, e.g. a folder name of a staged key. */
  static boolean looksLikeOne(String text) {
    return text.length() == LENGTH
        && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  }
}
