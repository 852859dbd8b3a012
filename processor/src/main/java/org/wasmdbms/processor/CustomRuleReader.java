package org.wasmdbms.processor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Sanitize} or {@code @Validate} annotation into the Java expression that builds
 * the user's rule with a direct constructor call, wrapped by {@code CustomRules}. Reports on the
 * field a class that is not found, cannot be instantiated from generated code, takes values the
 * column does not hold, or has no public constructor for the given arguments.
 */
final class CustomRuleReader {
  private static final String RULES = "org.wasmdbms.api.rules.";

  private final Elements elements;
  private final Types types;
  private final Annotations annotations;
  private final Diagnostics diagnostics;

  CustomRuleReader(
      Elements elements, Types types, Annotations annotations, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.annotations = annotations;
    this.diagnostics = diagnostics;
  }

  /**
   * The expression building the rule of {@code mirror}, or null after reporting why there is none.
   *
   * @param sanitizer true for {@code @Sanitize}, false for {@code @Validate}
   * @param column the column name, for messages
   * @param type the column's field type
   */
  Model.Snippet read(
      Element field, AnnotationMirror mirror, boolean sanitizer, String column, FieldType type) {
    String what = sanitizer ? "sanitizer" : "validator";
    TypeElement rule = instantiable(field, mirror, "value", what);
    if (rule == null) {
      return null;
    }
    String name = rule.getSimpleName().toString();
    String iface = sanitizer ? "Sanitizer" : "Validator";
    TypeMirror takes = typeArgument(rule, RULES + iface);
    if (takes == null || takes.getKind() != TypeKind.DECLARED) {
      diagnostics.error(
          field,
          mirror,
          what + " class " + name + " must implement " + iface + "<T> for one value class T");
      return null;
    }
    TypeMirror columnValues = elements.getTypeElement(type.valueClass()).asType();
    if (!types.isAssignable(columnValues, takes)) {
      diagnostics.error(
          field,
          mirror,
          what
              + " "
              + name
              + " takes "
              + types.asElement(takes).getSimpleName()
              + " values, but column "
              + column
              + " holds "
              + type.dataType().wireName()
              + " values ("
              + types.asElement(columnValues).getSimpleName()
              + ")");
      return null;
    }
    String arguments = constructorArguments(field, mirror, rule, what);
    if (arguments == null) {
      return null;
    }
    String qualified = rule.getQualifiedName().toString();
    return new Model.Snippet(
        "CustomRules."
            + what
            + "("
            + JavaWriter.quote(name)
            + ", new "
            + qualified
            + "("
            + arguments
            + "))",
        List.of(RULES + "CustomRules"));
  }

  /**
   * The expression creating the transform class of {@code @Transform} {@code mirror}, or null after
   * reporting why there is none.
   */
  Model.Snippet transform(Element field, AnnotationMirror mirror) {
    TypeElement transform = instantiable(field, mirror, "with", "transform");
    if (transform == null) {
      return null;
    }
    for (ExecutableElement constructor :
        ElementFilter.constructorsIn(transform.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PUBLIC)
          && constructor.getParameters().isEmpty()) {
        return new Model.Snippet("new " + transform.getQualifiedName() + "()", List.of());
      }
    }
    diagnostics.error(
        field,
        mirror,
        "transform class " + transform.getSimpleName() + " has no public no-argument constructor");
    return null;
  }

  /**
   * The class named by class member {@code member} of {@code mirror}, if generated code can create
   * it; null after reporting why not.
   */
  private TypeElement instantiable(
      Element field, AnnotationMirror mirror, String member, String what) {
    Object value = annotations.raw(mirror, member);
    if (!(value instanceof DeclaredType declared) || declared.getKind() != TypeKind.DECLARED) {
      // javac has already reported the class it could not resolve or may not access; say which
      // annotation suffers from it.
      diagnostics.error(
          field,
          mirror,
          "@"
              + Annotations.schemaName(mirror)
              + " names a "
              + what
              + " class that is not found or not accessible");
      return null;
    }
    TypeElement type = (TypeElement) declared.asElement();
    if (!isInstantiable(type)) {
      diagnostics.error(
          field,
          mirror,
          what
              + " class "
              + type.getSimpleName()
              + " must be a public, non-abstract class, top-level or static nested in public"
              + " classes");
      return null;
    }
    return type;
  }

  private static boolean isInstantiable(TypeElement rule) {
    Element e = rule;
    while (e instanceof TypeElement type) {
      if (!type.getModifiers().contains(Modifier.PUBLIC)
          || (type.getNestingKind() == NestingKind.MEMBER
              && !type.getModifiers().contains(Modifier.STATIC)
              && type.getKind() == ElementKind.CLASS)) {
        return false;
      }
      e = type.getEnclosingElement();
    }
    return rule.getKind() == ElementKind.CLASS && !rule.getModifiers().contains(Modifier.ABSTRACT);
  }

  /**
   * The type argument with which {@code type} implements the generic interface {@code iface}, or
   * null if it does not, or only raw.
   */
  private TypeMirror typeArgument(TypeElement type, String iface) {
    Deque<TypeMirror> pending = new ArrayDeque<>(List.of(type.asType()));
    while (!pending.isEmpty()) {
      TypeMirror current = pending.pop();
      if (current instanceof DeclaredType declared
          && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals(iface)) {
        return declared.getTypeArguments().isEmpty() ? null : declared.getTypeArguments().get(0);
      }
      pending.addAll(types.directSupertypes(current));
    }
    return null;
  }

  /**
   * The Java source of the constructor arguments: the annotation's {@code args} parsed into the
   * parameter types of the one public constructor they fit; null after reporting.
   */
  private String constructorArguments(
      Element field, AnnotationMirror mirror, TypeElement rule, String what) {
    List<String> args = annotations.strings(mirror, "args");
    String name = rule.getSimpleName().toString();
    List<String> fitting = new ArrayList<>();
    String mismatch = null;
    boolean sameArity = false;
    for (ExecutableElement constructor : ElementFilter.constructorsIn(rule.getEnclosedElements())) {
      if (!constructor.getModifiers().contains(Modifier.PUBLIC)
          || constructor.getParameters().size() != args.size()) {
        continue;
      }
      sameArity = true;
      StringBuilder source = new StringBuilder();
      try {
        List<? extends VariableElement> parameters = constructor.getParameters();
        for (int i = 0; i < args.size(); i++) {
          source
              .append(i == 0 ? "" : ", ")
              .append(literal(parameters.get(i).asType(), args.get(i)));
        }
        fitting.add(source.toString());
      } catch (IllegalArgumentException e) {
        mismatch = e.getMessage();
      }
    }
    if (fitting.size() == 1) {
      return fitting.get(0);
    }
    String message;
    if (!sameArity) {
      message =
          args.isEmpty()
              ? what + " class " + name + " has no public no-argument constructor"
              : what
                  + " class "
                  + name
                  + " has no public constructor taking "
                  + args.size()
                  + " argument"
                  + (args.size() == 1 ? "" : "s");
    } else if (fitting.isEmpty()) {
      message = "the args of " + what + " " + name + " do not fit its constructor: " + mismatch;
    } else {
      message =
          "the args of "
              + what
              + " "
              + name
              + " fit "
              + fitting.size()
              + " of its constructors; make them differ in parameter count";
    }
    diagnostics.error(field, mirror, message);
    return null;
  }

  /**
   * The Java literal of {@code text} as a value of {@code type}.
   *
   * @throws IllegalArgumentException if the type is not supported or the text does not parse
   */
  private static String literal(TypeMirror type, String text) {
    String typeName = type.toString();
    try {
      return switch (typeName) {
        case "java.lang.String" -> JavaWriter.quote(text);
        case "int" -> Integer.toString(Integer.parseInt(text));
        case "long" -> Long.parseLong(text) + "L";
        case "double" -> {
          double d = Double.parseDouble(text);
          if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new NumberFormatException();
          }
          yield d + "";
        }
        case "boolean" -> {
          String lower = text.toLowerCase(Locale.ROOT);
          if (!lower.equals("true") && !lower.equals("false")) {
            throw new NumberFormatException();
          }
          yield lower;
        }
        default ->
            throw new IllegalArgumentException(
                "parameter type "
                    + typeName
                    + " is not supported (use String, int, long, double or boolean)");
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a " + typeName);
    }
  }
}
