package io.spectrumflow.local.aws.glue.crawler;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Glue (Hive) type a crawler gives a Parquet field, as Glue's crawler does: INT64 → bigint,
 * INT32 → int, DOUBLE, FLOAT, BOOLEAN, UTF8 → string, INT96 → timestamp, DATE → date, DECIMAL(p,s)
 * → decimal(p,s), INT64 TIMESTAMP in millis or micros adjusted to UTC → timestamp, an INT64
 * timestamp without the UTC flag (or in nanos) → bigint; groups as array, map and struct.
 */
final class GlueTypes {

  private GlueTypes() {}

  static String of(ParquetField field) {
    if (field.isGroup()) {
      return group(field);
    }
    String type = primitive(field);
    // a repeated primitive outside a LIST annotation is a list of that primitive
    return field.isRepeated() ? "array<" + type + ">" : type;
  }

  /** Two types of the same column in different files: the wider one, or the first. */
  static String merge(String first, String second) {
    if (first.equals(second)) {
      return first;
    }
    if (isOneOf(first, second, "int", "bigint")
        || isOneOf(first, second, "smallint", "bigint")
        || isOneOf(first, second, "tinyint", "bigint")) {
      return "bigint";
    }
    if (isOneOf(first, second, "smallint", "int") || isOneOf(first, second, "tinyint", "int")) {
      return "int";
    }
    if (isOneOf(first, second, "float", "double")) {
      return "double";
    }
    return first;
  }

  private static boolean isOneOf(String a, String b, String x, String y) {
    return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
  }

  private static String group(ParquetField field) {
    if ((field.converted("LIST") || field.logical("ListType")) && field.children().size() == 1) {
      return "array<" + of(listElement(field.children().get(0))) + ">";
    }
    if ((field.converted("MAP") || field.converted("MAP_KEY_VALUE") || field.logical("MapType"))
        && field.children().size() == 1
        && field.children().get(0).children().size() == 2) {
      ParquetField keyValue = field.children().get(0);
      return "map<" + of(keyValue.children().get(0)) + "," + of(keyValue.children().get(1)) + ">";
    }
    return field.children().stream()
        .map(c -> name(c) + ":" + of(c))
        .collect(Collectors.joining(",", "struct<", ">"));
  }

  /**
   * The element of a LIST: the three-level form's inner field, or, in the legacy two-level forms,
   * the repeated field itself.
   */
  private static ParquetField listElement(ParquetField repeated) {
    boolean legacy =
        !repeated.isGroup()
            || repeated.children().size() != 1
            || repeated.name().equals("array")
            || repeated.name().endsWith("_tuple");
    ParquetField element = legacy ? repeated : repeated.children().get(0);
    // the element's own repetition is the list's, not a nested list
    return new ParquetField(
        element.name(),
        element.physicalType(),
        "OPTIONAL",
        element.convertedType(),
        element.logicalType(),
        element.precision(),
        element.scale(),
        element.children());
  }

  private static String primitive(ParquetField field) {
    if (field.converted("DECIMAL") || field.logical("DecimalType")) {
      return "decimal(" + field.precision() + "," + field.scale() + ")";
    }
    return switch (field.physicalType()) {
      case "BOOLEAN" -> "boolean";
      case "INT32" -> int32(field);
      case "INT64" -> int64(field);
      case "INT96" -> "timestamp";
      case "FLOAT" -> "float";
      case "DOUBLE" -> "double";
      case "BYTE_ARRAY" -> byteArray(field);
      default -> "binary"; // FIXED_LEN_BYTE_ARRAY without an annotation
    };
  }

  private static String int32(ParquetField field) {
    if (field.converted("DATE") || field.logical("DateType")) {
      return "date";
    }
    if (field.converted("INT_8")) {
      return "tinyint";
    }
    if (field.converted("INT_16") || field.converted("UINT_8")) {
      return "smallint";
    }
    if (field.converted("UINT_32")) {
      return "bigint";
    }
    return "int";
  }

  private static String int64(ParquetField field) {
    if (field.logical("TimestampType")) {
      String logical = field.logicalType();
      boolean utc =
          logical.contains("isAdjustedToUTC=1") || logical.contains("isAdjustedToUTC=true");
      boolean nanos = logical.contains("NANOS=NanoSeconds");
      return utc && !nanos ? "timestamp" : "bigint";
    }
    // the legacy annotations alone mean a UTC instant
    if (field.converted("TIMESTAMP_MILLIS") || field.converted("TIMESTAMP_MICROS")) {
      return "timestamp";
    }
    return "bigint";
  }

  private static String byteArray(ParquetField field) {
    if (field.converted("UTF8")
        || field.converted("ENUM")
        || field.converted("JSON")
        || field.logical("StringType")
        || field.logical("EnumType")
        || field.logical("JsonType")) {
      return "string";
    }
    return "binary";
  }

  static String name(ParquetField field) {
    return field.name().toLowerCase(Locale.ROOT);
  }
}
