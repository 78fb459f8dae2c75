package io.spectrumflow.local.aws.glue.crawler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Names as a crawler writes them: lower case, characters other than a-z, 0-9 and _ as _. */
final class GlueTableNames {

  private GlueTableNames() {}

  static String sanitize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
  }

  /**
   * The name with a hash of the location appended, as a crawler names a table whose name is taken
   * by a table of another location.
   */
  static String withHash(String name, String location) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(location.getBytes(StandardCharsets.UTF_8));
      return name + "_" + HexFormat.of().formatHex(digest).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JVM", e);
    }
  }
}
