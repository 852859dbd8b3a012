package org.wasmdbms.wit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the parts of a WIT file that the model describes: the type declarations of every interface
 * and its functions, each printed on one line the way {@link WitType#declaration()} and {@link
 * DbmsFunction#declaration()} print them (comments dropped, one space after each comma). Knows just
 * enough WIT for {@code wit/dbms.wit}: records, variants, enums, type aliases, functions, {@code
 * use}, {@code package} and worlds (skipped).
 */
final class WitFile {
  /** The type declarations by name, in file order. */
  final Map<String, String> types = new LinkedHashMap<>();

  /** The function declarations, in file order. */
  final List<String> functions = new ArrayList<>();

  private final List<String> tokens;
  private int next;

  private WitFile(List<String> tokens) {
    this.tokens = tokens;
  }

  static WitFile parse(String text) {
    WitFile file = new WitFile(tokenize(text));
    file.document();
    return file;
  }

  private static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
      } else if (text.startsWith("->", i)) {
        tokens.add("->");
        i += 2;
      } else if ("{}()<>,:;=.".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else {
        int start = i;
        while (i < text.length()
            && !Character.isWhitespace(text.charAt(i))
            && "{}()<>,:;=".indexOf(text.charAt(i)) < 0
            && !text.startsWith("->", i)) {
          i++;
        }
        tokens.add(text.substring(start, i));
      }
    }
    return tokens;
  }

  private String take() {
    if (next >= tokens.size()) {
      throw new IllegalArgumentException("the WIT text ends early");
    }
    return tokens.get(next++);
  }

  private void expect(String token) {
    String found = take();
    if (!found.equals(token)) {
      throw new IllegalArgumentException("expected " + token + " but found " + found);
    }
  }

  private boolean takeIf(String token) {
    if (next < tokens.size() && tokens.get(next).equals(token)) {
      next++;
      return true;
    }
    return false;
  }

  private void document() {
    while (next < tokens.size()) {
      String keyword = take();
      switch (keyword) {
        case "package" -> skipTo(";");
        case "interface" -> body();
        case "world" -> {
          take();
          skipBlock();
        }
        default -> throw new IllegalArgumentException("unexpected " + keyword);
      }
    }
  }

  private void skipTo(String token) {
    while (!take().equals(token)) {
      // Skipped: a package name or a use list.
    }
  }

  private void skipBlock() {
    expect("{");
    int depth = 1;
    while (depth > 0) {
      String token = take();
      depth += token.equals("{") ? 1 : token.equals("}") ? -1 : 0;
    }
  }

  private void body() {
    take();
    expect("{");
    while (!takeIf("}")) {
      String keyword = take();
      switch (keyword) {
        case "use" -> skipTo(";");
        case "record", "variant", "enum" -> declared(keyword);
        case "type" -> {
          String name = take();
          expect("=");
          types.put(name, "type " + name + " = " + type());
          expect(";");
        }
        default -> function(keyword);
      }
    }
  }

  private void declared(String keyword) {
    String name = take();
    expect("{");
    List<String> parts = new ArrayList<>();
    while (!takeIf("}")) {
      String part = take();
      if (keyword.equals("record")) {
        expect(":");
        part += ": " + type();
      } else if (keyword.equals("variant") && takeIf("(")) {
        part += "(" + type() + ")";
        expect(")");
      }
      parts.add(part);
      takeIf(",");
    }
    types.put(name, keyword + " " + name + " { " + String.join(", ", parts) + " }");
  }

  private void function(String name) {
    expect(":");
    expect("func");
    expect("(");
    List<String> params = new ArrayList<>();
    while (!takeIf(")")) {
      String param = take();
      expect(":");
      params.add(param + ": " + type());
      takeIf(",");
    }
    String result = takeIf("->") ? " -> " + type() : "";
    expect(";");
    functions.add(name + ": func(" + String.join(", ", params) + ")" + result);
  }

  private String type() {
    String name = take();
    if (!takeIf("<")) {
      return name;
    }
    List<String> arguments = new ArrayList<>();
    do {
      arguments.add(type());
    } while (takeIf(","));
    expect(">");
    return name + "<" + String.join(", ", arguments) + ">";
  }
}
