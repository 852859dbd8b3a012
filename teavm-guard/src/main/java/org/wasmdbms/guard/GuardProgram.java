package org.wasmdbms.guard;

import java.io.PrintStream;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.error.ErrorKind;
import org.wasmdbms.testkit.AggregateSmoke;
import org.wasmdbms.testkit.ApiSmoke;
import org.wasmdbms.testkit.BTreeSmoke;
import org.wasmdbms.testkit.EngineSmoke;
import org.wasmdbms.testkit.JsonFilterSmoke;
import org.wasmdbms.testkit.MigrationSmoke;
import org.wasmdbms.testkit.RulesSmoke;
import org.wasmdbms.testkit.SnapshotIsolationSmoke;
import org.wasmdbms.testkit.StorageSmoke;

/**
 * The smoke program run both on the JVM and, compiled by TeaVM, inside WebAssembly. Its printed
 * output is the evidence: the guard test fails on any difference between the two runs.
 *
 * <p>Each scenario prints a header line so that a difference points at the scenario that caused it.
 * Scenarios must be deterministic and print ASCII only.
 */
public final class GuardProgram {
  private GuardProgram() {}

  /**
   * Runs every scenario in a fixed order.
   *
   * @param out where the scenarios print
   */
  public static void run(PrintStream out) {
    section(out, "errors");
    errorKinds(out);
    section(out, "api");
    ApiSmoke.run(out);
    section(out, "storage");
    StorageSmoke.run(out);
    section(out, "btree");
    BTreeSmoke.run(out);
    section(out, "migrations");
    MigrationSmoke.run(out);
    section(out, "rules");
    RulesSmoke.run(out);
    section(out, "engine");
    EngineSmoke.run(out);
    section(out, "snapshot isolation");
    SnapshotIsolationSmoke.run(out);
    section(out, "json filters");
    JsonFilterSmoke.run(out);
    section(out, "aggregates");
    AggregateSmoke.run(out);
    section(out, "generated schema");
    GeneratedSchemaScenario.run(out);
    out.println("== end");
  }

  private static void section(PrintStream out, String name) {
    out.println("== " + name);
  }

  /** Every error kind survives the rebuild that the WIT boundary performs. */
  private static void errorKinds(PrintStream out) {
    for (ErrorKind kind : ErrorKind.values()) {
      DbmsException rebuilt = DbmsException.of(kind, "detail of " + kind.witName());
      out.println(
          kind.witName()
              + " -> "
              + rebuilt.kind().witName()
              + " | "
              + rebuilt.detail()
              + " | "
              + rebuilt.getMessage());
    }
  }
}
