package org.wasmdbms.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Reads annotations through their mirrors, which work for classes in source and on the class path
 * alike and keep class-valued members as types (no {@code MirroredTypeException}).
 */
final class Annotations {
  /** The package of the schema annotations. */
  static final String PACKAGE = "org.wasmdbms.api.annotation.";

  private final Elements elements;

  Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The simple name of a schema annotation, or null if {@code mirror} is of another type. */
  static String schemaName(AnnotationMirror mirror) {
    String name =
        ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    return name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : null;
  }

  /** The mirror of schema annotation {@code simpleName} on {@code element}, or null. */
  static AnnotationMirror find(Element element, String simpleName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (simpleName.equals(schemaName(mirror))) {
        return mirror;
      }
    }
    return null;
  }

  private AnnotationValue member(AnnotationMirror mirror, String name) {
    Map<? extends ExecutableElement, ? extends AnnotationValue> values =
        elements.getElementValuesWithDefaults(mirror);
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        values.entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("no member " + name + " in " + mirror);
  }

  /** A {@code String} member. */
  String string(AnnotationMirror mirror, String name) {
    return (String) member(mirror, name).getValue();
  }

  /** An {@code int} member. */
  int integer(AnnotationMirror mirror, String name) {
    return (Integer) member(mirror, name).getValue();
  }

  /** A {@code boolean} member. */
  boolean bool(AnnotationMirror mirror, String name) {
    return (Boolean) member(mirror, name).getValue();
  }

  /** A {@code Class} member as a type element, or null for {@code Void.class}. */
  TypeElement type(AnnotationMirror mirror, String name) {
    return typeElement((TypeMirror) member(mirror, name).getValue());
  }

  /** A {@code Class[]} member as type elements (null entries for non-class types). */
  List<TypeElement> types(AnnotationMirror mirror, String name) {
    List<TypeElement> out = new ArrayList<>();
    for (Object item : (List<?>) member(mirror, name).getValue()) {
      out.add(typeElement((TypeMirror) ((AnnotationValue) item).getValue()));
    }
    return out;
  }

  /** A {@code String[]} member. */
  List<String> strings(AnnotationMirror mirror, String name) {
    List<String> out = new ArrayList<>();
    for (Object item : (List<?>) member(mirror, name).getValue()) {
      out.add((String) ((AnnotationValue) item).getValue());
    }
    return out;
  }

  /**
   * A {@code Class} member as javac holds it: a type mirror, an error type, or (for a class that
   * cannot be resolved) a string.
   */
  Object raw(AnnotationMirror mirror, String name) {
    return member(mirror, name).getValue();
  }

  /** An annotation-array member, such as the {@code value} of a repeatable container. */
  List<AnnotationMirror> mirrors(AnnotationMirror mirror, String name) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (Object item : (List<?>) member(mirror, name).getValue()) {
      out.add((AnnotationMirror) ((AnnotationValue) item).getValue());
    }
    return out;
  }

  private static TypeElement typeElement(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return null;
    }
    TypeElement element = (TypeElement) declared.asElement();
    return element.getQualifiedName().contentEquals("java.lang.Void") ? null : element;
  }
}
