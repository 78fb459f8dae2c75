package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsJson;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads a JDBC result set into the Data API's records and column metadata, typed as Redshift. */
final class ResultReader {

  /** The Data API keeps at most 100 MB of a result. */
  static final long MAX_RESULT_BYTES = 100L * 1024 * 1024;

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private ResultReader() {}

  static ResultTable read(ResultSet resultSet, String sql)
      throws SQLException, RedshiftSqlException {
    ResultSetMetaData meta = resultSet.getMetaData();
    int count = meta.getColumnCount();
    List<RedshiftType> types = new ArrayList<>();
    ArrayNode columns = AwsJson.MAPPER.createArrayNode();
    for (int i = 1; i <= count; i++) {
      RedshiftType type = RedshiftType.ofDuckDb(meta.getColumnTypeName(i));
      types.add(type);
      String name = ColumnLabels.of(meta.getColumnLabel(i), sql);
      columns.add(columnMetadata(name, type));
    }
    List<ArrayNode> records = new ArrayList<>();
    long size = 0;
    while (resultSet.next()) {
      ArrayNode record = AwsJson.MAPPER.createArrayNode();
      for (int i = 1; i <= count; i++) {
        ObjectNode field = field(resultSet, i, types.get(i - 1));
        size += fieldSize(field);
        record.add(field);
      }
      if (size > MAX_RESULT_BYTES) {
        throw new RedshiftSqlException(
            "ERROR: the result exceeds the Data API's limit of 100 MB; narrow the query or UNLOAD");
      }
      records.add(record);
    }
    return new ResultTable(columns, records, size);
  }

  /** Metadata for one column, with the members Redshift fills in. */
  static ObjectNode columnMetadata(String name, RedshiftType type) {
    return AwsJson.object()
        .put("isCaseSensitive", type.text())
        .put("isCurrency", false)
        .put("isSigned", type.signed())
        .put("label", name)
        .put("length", 0)
        .put("name", name)
        .put("nullable", 1)
        .put("precision", type.precision())
        .put("scale", type.scale())
        .put("schemaName", "")
        .put("tableName", "")
        .put("typeName", type.typeName());
  }

  private static ObjectNode field(ResultSet rs, int i, RedshiftType type) throws SQLException {
    ObjectNode field = AwsJson.object();
    Object value = rs.getObject(i);
    if (value == null) {
      return field.put("isNull", true);
    }
    return switch (type.kind()) {
      case LONG -> field.put("longValue", ((Number) value).longValue());
      case DOUBLE ->
          // a float4 keeps its short decimal form instead of the widened binary value
          field.put(
              "doubleValue",
              value instanceof Float f ? Double.parseDouble(f.toString()) : rs.getDouble(i));
      case BOOLEAN -> field.put("booleanValue", (Boolean) value);
      case STRING -> field.put("stringValue", text(rs, i, type, value));
    };
  }

  private static String text(ResultSet rs, int i, RedshiftType type, Object value)
      throws SQLException {
    return switch (type.typeName()) {
      case "timestamp" -> timestamp(rs.getObject(i, LocalDateTime.class));
      case "timestamptz" ->
          timestamp(
                  rs.getObject(i, OffsetDateTime.class)
                      .withOffsetSameInstant(ZoneOffset.UTC)
                      .toLocalDateTime())
              + "+00";
      case "time" -> time(rs.getObject(i, LocalTime.class));
      case "numeric" -> value instanceof BigDecimal d ? d.toPlainString() : value.toString();
      case "varbyte" -> HexFormat.of().formatHex(rs.getBytes(i));
      default -> rs.getString(i);
    };
  }

  /** Redshift prints microseconds and drops trailing zeros of the fraction. */
  private static String timestamp(LocalDateTime value) {
    return SECONDS.format(value) + fraction(value.getNano());
  }

  private static String time(LocalTime value) {
    return DateTimeFormatter.ofPattern("HH:mm:ss").format(value) + fraction(value.getNano());
  }

  private static String fraction(int nanos) {
    int micros = nanos / 1000;
    if (micros == 0) {
      return "";
    }
    String digits = String.format("%06d", micros).replaceAll("0+$", "");
    return "." + digits;
  }

  private static long fieldSize(ObjectNode field) {
    String text = field.path("stringValue").textValue();
    return 16 + (text == null ? 8 : text.length());
  }
}
