package org.wasmdbms.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports compile-time errors on the offending element and counts them, so callers can tell whether
 * a piece of the schema is sound without stopping at the first error. A quiet instance (for classes
 * read from the class path, already compiled) counts without printing.
 */
final class Diagnostics {
  private final Messager messager;
  private int errors;

  /** Reports through {@code messager}, or only counts if it is null. */
  Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /** Reports an error on {@code element}. */
  void error(Element element, String message) {
    error(element, null, message);
  }

  /** Reports an error on {@code annotation} of {@code element} (on the element if null). */
  void error(Element element, AnnotationMirror annotation, String message) {
    errors++;
    if (messager != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    }
  }

  /** The number of errors reported so far. */
  int errorCount() {
    return errors;
  }
}
