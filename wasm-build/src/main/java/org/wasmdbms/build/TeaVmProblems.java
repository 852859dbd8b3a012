package org.wasmdbms.build;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.teavm.diagnostics.DefaultProblemTextConsumer;
import org.teavm.diagnostics.Problem;
import org.teavm.model.CallLocation;
import org.teavm.model.MethodReference;
import org.teavm.model.TextLocation;

/**
 * Turns TeaVM's severe problems into a report a schema's author can act on: per problem, the class
 * and method where it occurs (with file and line when known), what TeaVM 0.13.1 lacks, and what to
 * change. Stateless.
 */
final class TeaVmProblems {
  /** At most this many problems are listed; the rest are counted. */
  private static final int LISTED = 20;

  private TeaVmProblems() {}

  static String report(List<Problem> problems) {
    Set<String> entries = new LinkedHashSet<>();
    for (Problem problem : problems) {
      entries.add(entry(problem));
    }
    StringBuilder out =
        new StringBuilder("TeaVM 0.13.1 cannot compile the guest: change the code named below.");
    int listed = 0;
    for (String entry : entries) {
      if (listed++ == LISTED) {
        out.append("\n  ... and ").append(entries.size() - LISTED).append(" more");
        break;
      }
      out.append("\n  - ").append(entry);
    }
    out.append(
        "\nCode the guest compiles (the schema's records, sanitizers, validators and everything"
            + " they call) may use only what TeaVM's class library has: no reflection, no"
            + " threads or locks, no java.nio.channels (see docs/your-own-guest.md, section"
            + " \"When TeaVM cannot compile your code\").");
    return out.toString();
  }

  private static String entry(Problem problem) {
    DefaultProblemTextConsumer text = new DefaultProblemTextConsumer();
    problem.render(text);
    String what = text.getText();
    String where = where(problem.getLocation());
    Object subject = problem.getParams().length > 0 ? problem.getParams()[0] : null;
    String owner = owner(problem.getLocation());
    String advice;
    if (problem.getText().startsWith("Class {{c0}}")) {
      advice =
          "TeaVM's class library has no "
              + subject
              + ": rewrite "
              + owner
              + " so that it does not use that class.";
    } else if (problem.getText().startsWith("Method {{m0}}")) {
      advice =
          "TeaVM's class library has no "
              + name(subject)
              + ": rewrite "
              + owner
              + " so that it does not call that method.";
    } else if (problem.getText().startsWith("Field {{f0}}")) {
      advice =
          "TeaVM's class library has no such field: rewrite "
              + owner
              + " so that it does not read it.";
    } else {
      advice = "rewrite " + owner + " without that construct.";
    }
    return where + ": " + what + ". " + advice;
  }

  private static String name(Object method) {
    if (method instanceof MethodReference reference) {
      return reference.getClassName() + "." + reference.getName() + "()";
    }
    return String.valueOf(method);
  }

  private static String owner(CallLocation location) {
    if (location == null || location.getMethod() == null) {
      return "the code that uses it";
    }
    return "class " + location.getMethod().getClassName();
  }

  private static String where(CallLocation location) {
    if (location == null || location.getMethod() == null) {
      return "in the guest";
    }
    MethodReference method = location.getMethod();
    StringBuilder out =
        new StringBuilder("in class ")
            .append(method.getClassName())
            .append(", method ")
            .append(method.getName());
    TextLocation source = location.getSourceLocation();
    if (source != null && !source.isEmpty()) {
      out.append(" (")
          .append(source.getFileName())
          .append(':')
          .append(source.getLine())
          .append(')');
    }
    return out.toString();
  }
}
