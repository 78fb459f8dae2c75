package io.spectrumflow.local.aws.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** The one JSON mapper of the stand-in and the protocol's encoding of timestamps. */
public final class AwsJson {

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          // bodies are kept as trees so unknown members round-trip; exact decimals keep timestamps
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private AwsJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * AWS JSON 1.1 timestamps are epoch seconds as a JSON number, with a fraction when there is one.
   */
  public static DecimalNode epochSeconds(Instant instant) {
    BigDecimal seconds =
        BigDecimal.valueOf(instant.getEpochSecond())
            .add(BigDecimal.valueOf(instant.getNano() / 1_000_000, 3))
            .stripTrailingZeros();
    return DecimalNode.valueOf(seconds.scale() < 0 ? seconds.setScale(0) : seconds);
  }
}
