package org.wasmdbms.processor;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds the text of one generated Java source file: imports collected as classes are named, and
 * lines indented by nesting depth.
 */
final class JavaWriter {
  private final String packageName;
  private final TreeSet<String> imports = new TreeSet<>();
  private final Map<String, String> bySimpleName = new HashMap<>();
  private final StringBuilder body = new StringBuilder();
  private int depth;

  /** Starts a file in {@code packageName} (empty for the unnamed package). */
  JavaWriter(String packageName) {
    this.packageName = packageName;
  }

  /**
   * Imports the top-level class {@code qualifiedName} and returns the name to write: its simple
   * name, or the qualified name when another imported class already has that simple name.
   */
  String use(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    String simple = qualifiedName.substring(dot + 1);
    String previous = bySimpleName.putIfAbsent(simple, qualifiedName);
    if (previous != null && !previous.equals(qualifiedName)) {
      return qualifiedName;
    }
    String pkg = dot < 0 ? "" : qualifiedName.substring(0, dot);
    if (!pkg.equals("java.lang") && !pkg.equals(packageName)) {
      imports.add(qualifiedName);
    }
    return simple;
  }

  /** Imports every class {@code snippet} names and returns its source. */
  String use(Model.Snippet snippet) {
    for (String name : snippet.imports()) {
      use(name);
    }
    return snippet.source();
  }

  /** Writes one line at the current depth; an empty argument writes an empty line. */
  JavaWriter line(String text) {
    if (!text.isEmpty()) {
      body.append("  ".repeat(depth)).append(text);
    }
    body.append('\n');
    return this;
  }

  /** Writes {@code text} followed by " {" and goes one level deeper. */
  JavaWriter open(String text) {
    line(text + " {");
    depth++;
    return this;
  }

  /** Goes one level up and writes "}" followed by {@code suffix}. */
  JavaWriter close(String suffix) {
    depth--;
    return line("}" + suffix);
  }

  /** Goes one level up and writes "}". */
  JavaWriter close() {
    return close("");
  }

  /** The whole file: package, imports and body. */
  String toSource() {
    StringBuilder out = new StringBuilder();
    if (!packageName.isEmpty()) {
      out.append("package ").append(packageName).append(";\n\n");
    }
    for (String name : imports) {
      out.append("import ").append(name).append(";\n");
    }
    return out.append(imports.isEmpty() ? "" : "\n").append(body).toString();
  }

  /** {@code text} as a Java string literal; characters outside printable ASCII are escaped. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else {
            out.append("\\u");
            String hex = Integer.toHexString(c);
            out.append("0".repeat(4 - hex.length())).append(hex);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
