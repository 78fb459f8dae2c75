package io.spectrumflow.local.aws.redshift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.http.JsonRequest;
import io.spectrumflow.local.aws.redshift.sql.ResultTable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * GetStatementResult's pages. The Data API decides page sizes itself, by volume; here a page holds
 * about 1 MB of records, and its NextToken the index of the next row (results never change).
 */
final class ResultPages {

  static final long PAGE_BYTES = 1024 * 1024;

  private static final String PREFIX = "row:";

  private ResultPages() {}

  static ObjectNode page(ResultTable table, JsonRequest request) {
    int from = offset(request, table);
    ArrayNode records = AwsJson.MAPPER.createArrayNode();
    long bytes = 0;
    int next = from;
    while (next < table.records().size() && (next == from || bytes < PAGE_BYTES)) {
      ArrayNode record = table.records().get(next);
      bytes += size(record);
      records.add(record);
      next++;
    }
    ObjectNode response = AwsJson.object();
    response.set("Records", records);
    response.set("ColumnMetadata", table.columnMetadata());
    response.put("TotalNumRows", table.records().size());
    if (next < table.records().size()) {
      byte[] token = (PREFIX + next).getBytes(StandardCharsets.UTF_8);
      response.put("NextToken", Base64.getUrlEncoder().encodeToString(token));
    }
    return response;
  }

  private static int offset(JsonRequest request, ResultTable table) {
    String token = request.string("NextToken");
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!decoded.startsWith(PREFIX)) {
        throw new IllegalArgumentException(decoded);
      }
      int offset = Integer.parseInt(decoded.substring(PREFIX.length()));
      if (offset < 0 || offset > table.records().size()) {
        throw new IllegalArgumentException(decoded);
      }
      return offset;
    } catch (IllegalArgumentException e) {
      throw request.invalid("Invalid NextToken: " + token);
    }
  }

  private static long size(ArrayNode record) {
    long size = 0;
    for (JsonNode field : record) {
      String text = field.path("stringValue").textValue();
      size += 16 + (text == null ? 8 : text.length());
    }
    return size;
  }
}
