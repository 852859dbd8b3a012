package org.wasmdbms.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * The annotations of a field in the order they are written, with repeated {@code @Sanitize} and
 * {@code @Validate} taken out of their containers. javac puts the container of repeated annotations
 * where the first of them stands, so {@code @Sanitize(A.class) @Trim @Sanitize(B.class)} would read
 * as A, B, Trim; the source tree (javac's Trees API) gives the written order back. Without a source
 * tree (another compiler, a class file) the container's annotations stay at its place.
 */
final class DeclarationOrder {
  private static final List<String> CONTAINERS = List.of("Sanitize.List", "Validate.List");

  private final Trees trees;
  private final Annotations annotations;

  DeclarationOrder(ProcessingEnvironment environment, Annotations annotations) {
    this.trees = treesOf(environment);
    this.annotations = annotations;
  }

  private static Trees treesOf(ProcessingEnvironment environment) {
    try {
      return Trees.instance(environment);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The annotations of {@code field}, containers of rules expanded, in written order. */
  List<AnnotationMirror> of(Element field) {
    List<AnnotationMirror> expanded = new ArrayList<>();
    boolean repeated = false;
    for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
      if (CONTAINERS.contains(Annotations.schemaName(mirror))) {
        expanded.addAll(annotations.mirrors(mirror, "value"));
        repeated = true;
      } else {
        expanded.add(mirror);
      }
    }
    Tree tree = repeated && trees != null ? trees.getTree(field) : null;
    if (!(tree instanceof VariableTree variable)) {
      return expanded;
    }
    Map<String, Deque<AnnotationMirror>> bySimpleName = new HashMap<>();
    for (AnnotationMirror mirror : expanded) {
      bySimpleName
          .computeIfAbsent(
              simpleName(mirror.getAnnotationType().toString()), k -> new ArrayDeque<>())
          .add(mirror);
    }
    List<AnnotationMirror> written = new ArrayList<>();
    for (AnnotationTree annotation : variable.getModifiers().getAnnotations()) {
      Deque<AnnotationMirror> candidates =
          bySimpleName.get(simpleName(annotation.getAnnotationType().toString()));
      if (candidates == null || candidates.isEmpty()) {
        return expanded;
      }
      written.add(candidates.poll());
    }
    return written.size() == expanded.size() ? written : expanded;
  }

  private static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
