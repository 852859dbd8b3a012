package org.wasmdbms.processor;

import java.util.Locale;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.wasmdbms.api.value.DataType;

/**
 * How a Java field type maps to a column type, and the Java source that converts between a field
 * value and an engine {@code Value}.
 *
 * @param sourceType the field type as written in generated code, for example {@code int} or {@code
 *     java.lang.Integer}
 * @param dataType the column type
 * @param kind how the field holds its value
 */
record FieldType(String sourceType, DataType dataType, Kind kind) {
  /** How a field holds its value, which decides null handling and conversion. */
  enum Kind {
    /** A primitive: never null, converted with the value class's constructor and accessor. */
    PRIMITIVE,
    /** A boxed primitive: null stands for {@code Null}, and the column is always nullable. */
    BOXED,
    /** String, byte[] or BigDecimal: null stands for {@code Null}. */
    PLAIN_REFERENCE,
    /** One of the project's value classes, stored as is; null stands for {@code Null}. */
    VALUE
  }

  private static final String VALUE_PACKAGE = "org.wasmdbms.api.value.";

  /** Whether the field can hold Java {@code null}. */
  boolean javaNullable() {
    return kind != Kind.PRIMITIVE;
  }

  /** Whether the column is nullable when the field carries no {@code @Nullable}. */
  boolean nullableByDefault() {
    return kind == Kind.BOXED;
  }

  /**
   * The qualified name of the value class of the column type, for example {@code ...Int32Value}.
   */
  String valueClass() {
    return valueClass(dataType);
  }

  static String valueClass(DataType type) {
    String simple =
        switch (type) {
          case DATETIME -> "DateTime";
          default -> type.wireName();
        };
    return VALUE_PACKAGE + simple + "Value";
  }

  /**
   * The Java expression converting the field value {@code variable} to a {@code Value}.
   *
   * @param valueClass the simple or qualified name of the value class, as imported
   * @param nullValue the name of {@code NullValue} as imported
   */
  String toValue(String variable, String valueClass, String nullValue) {
    return switch (kind) {
      case PRIMITIVE -> "new " + valueClass + "(" + variable + ")";
      case BOXED, PLAIN_REFERENCE ->
          variable
              + " == null ? "
              + nullValue
              + ".INSTANCE : new "
              + valueClass
              + "("
              + variable
              + ")";
      case VALUE -> variable + " == null ? " + nullValue + ".INSTANCE : " + variable;
    };
  }

  /**
   * The Java expression converting {@code variable}, a {@code Value} of the column type or Java
   * {@code null}, to the field type.
   */
  String fromValue(String variable, String valueClass) {
    String accessor = dataType == DataType.BLOB ? ".bytes()" : ".value()";
    String unwrapped = "((" + valueClass + ") " + variable + ")" + accessor;
    return switch (kind) {
      case PRIMITIVE -> unwrapped;
      case BOXED, PLAIN_REFERENCE -> variable + " == null ? null : " + unwrapped;
      case VALUE -> "(" + valueClass + ") " + variable;
    };
  }

  /**
   * The mapping of {@code type}, or null if the type is not supported.
   *
   * @param type a field or record-component type
   */
  static FieldType of(TypeMirror type) {
    TypeKind kind = type.getKind();
    if (kind.isPrimitive()) {
      DataType dataType = primitive(kind);
      return dataType == null
          ? null
          : new FieldType(kind.name().toLowerCase(Locale.ROOT), dataType, Kind.PRIMITIVE);
    }
    if (kind == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      return component.getKind() == TypeKind.BYTE
          ? new FieldType("byte[]", DataType.BLOB, Kind.PLAIN_REFERENCE)
          : null;
    }
    if (kind != TypeKind.DECLARED) {
      return null;
    }
    String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    DataType boxed = boxed(name);
    if (boxed != null) {
      return new FieldType(name, boxed, Kind.BOXED);
    }
    DataType plain =
        switch (name) {
          case "java.lang.String" -> DataType.TEXT;
          case "java.math.BigDecimal" -> DataType.DECIMAL;
          default -> null;
        };
    if (plain != null) {
      return new FieldType(name, plain, Kind.PLAIN_REFERENCE);
    }
    for (DataType candidate : DataType.values()) {
      if (valueClass(candidate).equals(name)) {
        return new FieldType(name, candidate, Kind.VALUE);
      }
    }
    return null;
  }

  private static DataType primitive(TypeKind kind) {
    return switch (kind) {
      case BYTE -> DataType.INT8;
      case SHORT -> DataType.INT16;
      case INT -> DataType.INT32;
      case LONG -> DataType.INT64;
      case FLOAT -> DataType.FLOAT32;
      case DOUBLE -> DataType.FLOAT64;
      case BOOLEAN -> DataType.BOOLEAN;
      default -> null;
    };
  }

  private static DataType boxed(String name) {
    return switch (name) {
      case "java.lang.Byte" -> DataType.INT8;
      case "java.lang.Short" -> DataType.INT16;
      case "java.lang.Integer" -> DataType.INT32;
      case "java.lang.Long" -> DataType.INT64;
      case "java.lang.Float" -> DataType.FLOAT32;
      case "java.lang.Double" -> DataType.FLOAT64;
      case "java.lang.Boolean" -> DataType.BOOLEAN;
      default -> null;
    };
  }
}
