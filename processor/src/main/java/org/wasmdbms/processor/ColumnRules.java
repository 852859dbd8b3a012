package org.wasmdbms.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.rules.Sanitizers;
import org.wasmdbms.api.value.DataType;
import org.wasmdbms.api.value.DateTimeValue;
import org.wasmdbms.api.value.Value;
import org.wasmdbms.api.value.Values;

/**
 * The sanitizer and validator annotations of one column: checks that each fits the column type and
 * has sound parameters, and turns it into the Java expression that builds the rule from {@link
 * org.wasmdbms.api.rules.Sanitizers} or {@link org.wasmdbms.api.rules.Validators}.
 */
final class ColumnRules {
  private static final String SANITIZERS = "org.wasmdbms.api.rules.Sanitizers";
  private static final String VALIDATORS = "org.wasmdbms.api.rules.Validators";

  private final Element field;
  private final String column;
  private final FieldType type;
  private final Annotations annotations;
  private final Diagnostics diagnostics;
  private final CustomRuleReader custom;
  private final List<Model.Snippet> sanitizers = new ArrayList<>();
  private final List<Model.Snippet> validators = new ArrayList<>();
  private AnnotationMirror nullIfEmpty;

  ColumnRules(
      Element field,
      String column,
      FieldType type,
      Annotations annotations,
      Diagnostics diagnostics,
      CustomRuleReader custom) {
    this.field = field;
    this.column = column;
    this.type = type;
    this.annotations = annotations;
    this.diagnostics = diagnostics;
    this.custom = custom;
  }

  private static void addIfRead(List<Model.Snippet> rules, Model.Snippet rule) {
    if (rule != null) {
      rules.add(rule);
    }
  }

  /** Adds the rule of schema annotation {@code kind}; reports an unknown or misplaced one. */
  void add(String kind, AnnotationMirror mirror) {
    switch (kind) {
      case "Trim" -> textSanitizer(mirror, "trim()");
      case "CollapseWhitespace" -> textSanitizer(mirror, "collapseWhitespace()");
      case "LowerCase" -> textSanitizer(mirror, "lowerCase()");
      case "UpperCase" -> textSanitizer(mirror, "upperCase()");
      case "Slug" -> textSanitizer(mirror, "slug()");
      case "NullIfEmpty" -> {
        nullIfEmpty = mirror;
        textSanitizer(mirror, "nullIfEmpty()");
      }
      case "UrlEncode" -> textSanitizer(mirror, "urlEncode()");
      case "Clamp" -> clamp(mirror);
      case "ClampUnsigned" -> clampUnsigned(mirror);
      case "TimezoneOffset" -> timezoneOffset(mirror, annotations.integer(mirror, "value"));
      case "Utc" -> timezoneOffset(mirror, null);
      case "RoundToScale" -> roundToScale(mirror);
      case "MinLength" -> length(mirror, annotations.integer(mirror, "value"), null);
      case "MaxLength" -> length(mirror, null, annotations.integer(mirror, "value"));
      case "LengthRange" ->
          length(mirror, annotations.integer(mirror, "min"), annotations.integer(mirror, "max"));
      case "Email" -> textValidator(mirror, "email()");
      case "Url" -> textValidator(mirror, "url()");
      case "PhoneNumber" -> textValidator(mirror, "phoneNumber()");
      case "MimeType" -> textValidator(mirror, "mimeType()");
      case "RgbColor" -> textValidator(mirror, "rgbColor()");
      case "CamelCase" -> textValidator(mirror, "camelCase()");
      case "KebabCase" -> textValidator(mirror, "kebabCase()");
      case "SnakeCase" -> textValidator(mirror, "snakeCase()");
      case "Iso639" -> textValidator(mirror, "iso639()");
      case "Iso3166" -> textValidator(mirror, "iso3166()");
      case "Sanitize" -> addIfRead(sanitizers, custom.read(field, mirror, true, column, type));
      case "Validate" -> addIfRead(validators, custom.read(field, mirror, false, column, type));
      default ->
          diagnostics.error(field, mirror, "@" + kind + " does not belong on a column field");
    }
  }

  /** Reports {@code @NullIfEmpty} on a column that cannot hold {@code Null}. */
  void checkNullable(boolean nullable) {
    if (nullIfEmpty != null && !nullable) {
      diagnostics.error(
          field, nullIfEmpty, "@NullIfEmpty needs a nullable column, but " + column + " is not");
    }
  }

  List<Model.Snippet> sanitizers() {
    return List.copyOf(sanitizers);
  }

  List<Model.Snippet> validators() {
    return List.copyOf(validators);
  }

  /**
   * Parses {@code text} into the column type and returns the Java expression of the value, or null
   * after reporting why it does not parse.
   *
   * @param what what the text is, for the message ("default", "clamp minimum")
   */
  Model.Snippet parseValue(AnnotationMirror mirror, String what, String text, boolean nullable) {
    Value value = parse(mirror, what, text, nullable);
    return value == null ? null : snippet(value);
  }

  private Value parse(AnnotationMirror mirror, String what, String text, boolean nullable) {
    try {
      return ValueLiterals.parse(text, type.dataType(), nullable);
    } catch (IllegalArgumentException e) {
      diagnostics.error(
          field, mirror, "bad " + what + " for column " + column + ": " + e.getMessage());
      return null;
    }
  }

  private static Model.Snippet snippet(Value value) {
    List<String> imports = new ArrayList<>();
    String source =
        ValueLiterals.source(
            value,
            name -> {
              imports.add(name);
              return name.substring(name.lastIndexOf('.') + 1);
            });
    return new Model.Snippet(source, imports);
  }

  private boolean requireText(AnnotationMirror mirror) {
    if (type.dataType() == DataType.TEXT) {
      return true;
    }
    diagnostics.error(
        field,
        mirror,
        "@"
            + Annotations.schemaName(mirror)
            + " applies to text columns, but "
            + column
            + " is "
            + type.dataType().wireName());
    return false;
  }

  private void textSanitizer(AnnotationMirror mirror, String call) {
    if (requireText(mirror)) {
      sanitizers.add(new Model.Snippet("Sanitizers." + call, List.of(SANITIZERS)));
    }
  }

  private void textValidator(AnnotationMirror mirror, String call) {
    if (requireText(mirror)) {
      validators.add(new Model.Snippet("Validators." + call, List.of(VALIDATORS)));
    }
  }

  private boolean isNumber() {
    DataType t = type.dataType();
    return t.isInteger() || t.isFloat() || t == DataType.DECIMAL;
  }

  private void clamp(AnnotationMirror mirror) {
    if (!isNumber()) {
      diagnostics.error(
          field,
          mirror,
          "@Clamp applies to number columns, but " + column + " is " + type.dataType().wireName());
      return;
    }
    Value min = parse(mirror, "clamp minimum", annotations.string(mirror, "min"), false);
    Value max = parse(mirror, "clamp maximum", annotations.string(mirror, "max"), false);
    if (min == null || max == null) {
      return;
    }
    if (ordered(mirror, min, max)) {
      addBounded("clamp", min, max);
    }
  }

  /** Reports bounds in the wrong order; true if they are in order. */
  private boolean ordered(AnnotationMirror mirror, Value min, Value max) {
    if (Values.compare(min, max) <= 0) {
      return true;
    }
    diagnostics.error(
        field,
        mirror,
        "@" + Annotations.schemaName(mirror) + " bounds of column " + column + " are reversed");
    return false;
  }

  /** Adds the sanitizer {@code Sanitizers.<method>(min, max)}. */
  private void addBounded(String method, Value min, Value max) {
    Model.Snippet low = snippet(min);
    Model.Snippet high = snippet(max);
    List<String> imports = new ArrayList<>(low.imports());
    imports.addAll(high.imports());
    imports.add(SANITIZERS);
    sanitizers.add(
        new Model.Snippet(
            "Sanitizers." + method + "(" + low.source() + ", " + high.source() + ")", imports));
  }

  /** {@code @ClampUnsigned}: unsigned 64-bit bounds; the minimum must fit the column type. */
  private void clampUnsigned(AnnotationMirror mirror) {
    if (!Sanitizers.isUnsigned(type.dataType())) {
      diagnostics.error(
          field,
          mirror,
          "@ClampUnsigned applies to unsigned integer columns, but "
              + column
              + " is "
              + type.dataType().wireName());
      return;
    }
    Value min = unsignedBound(mirror, "min");
    Value max = unsignedBound(mirror, "max");
    if (min == null || max == null || !ordered(mirror, min, max)) {
      return;
    }
    try {
      Values.coerce(min, type.dataType());
    } catch (DbmsException e) {
      diagnostics.error(
          field,
          mirror,
          "@ClampUnsigned minimum of column "
              + column
              + " does not fit "
              + type.dataType().wireName());
      return;
    }
    addBounded("clampUnsigned", min, max);
  }

  private Value unsignedBound(AnnotationMirror mirror, String member) {
    String text = annotations.string(mirror, member);
    try {
      return ValueLiterals.parse(text, DataType.UINT64, false);
    } catch (IllegalArgumentException e) {
      diagnostics.error(
          field,
          mirror,
          "bad @ClampUnsigned "
              + member
              + " for column "
              + column
              + ": \""
              + text
              + "\" is not an unsigned 64-bit number");
      return null;
    }
  }

  /** {@code @TimezoneOffset(offset)}, or {@code @Utc} when {@code offset} is null. */
  private void timezoneOffset(AnnotationMirror mirror, Integer offset) {
    if (type.dataType() != DataType.DATETIME) {
      diagnostics.error(
          field,
          mirror,
          "@"
              + Annotations.schemaName(mirror)
              + " applies to DateTime columns, but "
              + column
              + " is "
              + type.dataType().wireName());
    } else if (offset == null) {
      sanitizers.add(new Model.Snippet("Sanitizers.utc()", List.of(SANITIZERS)));
    } else if (offset < -DateTimeValue.MAX_OFFSET_MINUTES
        || offset > DateTimeValue.MAX_OFFSET_MINUTES) {
      diagnostics.error(
          field,
          mirror,
          "@TimezoneOffset must be within -"
              + DateTimeValue.MAX_OFFSET_MINUTES
              + ".."
              + DateTimeValue.MAX_OFFSET_MINUTES
              + " minutes");
    } else {
      sanitizers.add(
          new Model.Snippet("Sanitizers.timezoneOffset(" + offset + ")", List.of(SANITIZERS)));
    }
  }

  private void roundToScale(AnnotationMirror mirror) {
    int scale = annotations.integer(mirror, "value");
    if (!isNumber()) {
      diagnostics.error(
          field,
          mirror,
          "@RoundToScale applies to number columns, but "
              + column
              + " is "
              + type.dataType().wireName());
    } else if (scale < 0 || scale > Sanitizers.MAX_SCALE) {
      diagnostics.error(
          field, mirror, "@RoundToScale scale must be within 0.." + Sanitizers.MAX_SCALE);
    } else {
      sanitizers.add(
          new Model.Snippet("Sanitizers.roundToScale(" + scale + ")", List.of(SANITIZERS)));
    }
  }

  /** A length validator; a null bound means none. */
  private void length(AnnotationMirror mirror, Integer min, Integer max) {
    if (!requireText(mirror)) {
      return;
    }
    if ((min != null && min < 0)
        || (max != null && max < 0)
        || (min != null && max != null && min > max)) {
      diagnostics.error(
          field, mirror, "length bounds of column " + column + " must be non-negative and ordered");
      return;
    }
    String call =
        min == null
            ? "maxLength(" + max + ")"
            : max == null ? "minLength(" + min + ")" : "lengthRange(" + min + ", " + max + ")";
    validators.add(new Model.Snippet("Validators." + call, List.of(VALIDATORS)));
  }
}
