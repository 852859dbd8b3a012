/*
 * Reproducer of the JDK 17 failure in the real guest, for the OLD set-up (docs/host.md, "The JDK 17
 * C2 defect", "Reproduced"). It runs against commit 7201ba8 of this repository, where the guest's
 * tests still run Chicory's run-time compiled classes unrewritten on ByteBufferMemory:
 *
 *   git worktree add --detach ../old 7201ba8 && cd ../old
 *   cp <this file> guest/src/test/java/org/wasmdbms/guest/FreshRepro.java
 *   mvn -pl api,memory,engine,testkit,processor,example-schema,file,wasm-build,teavm-runtime,guest \
 *       test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
 *       -Dmdep.outputFile=/tmp/cp-\${project.artifactId}.txt -Dmdep.includeScope=test \
 *       -Dspotless.check.skip=true
 *   java -Xmx3g -Dguest.wasm=$PWD/.artifact/wasm-dbms-example-guest.wasm \
 *       -cp guest/target/test-classes:guest/target/classes:$(cat /tmp/cp-wasm-dbms-example-guest.txt) \
 *       org.wasmdbms.guest.FreshRepro 100000 3
 *
 * It repeats MemoryStaysFlatTest's workload (select by key, a duplicate insert, a transaction that
 * updates and rolls back, a delete) for the given number of calls in one instance, then starts fresh
 * instances that each insert one row. When the failure shows (6 of 13 JVMs on JDK 17.0.15), the
 * first fresh instance (once the first two) answers "internal-error: unexpected failure in the
 * engine: java.lang.ClassCastException"; the later ones pass (the trap deoptimises the miscompiled
 * code and it is recompiled). The "rewritten" runs (0 of 9 JVMs failed) changed that commit's
 * GuestInstance.machine() to compile through a Cache that stores the jar rewritten by
 * ChicoryBytecodeRewriter.rewriteJar (compiled from this tree's wasm-build), as this tree's
 * example-guest GuestInstance does. Not part of the build: the current tree has no
 * GuestInstance/GuestClient of this shape.
 */
package org.wasmdbms.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.guest.GuestClient.WitQuery;

/** args: workloadCalls fresh. MemoryStaysFlatTest's workload, then fresh instances that insert. */
public class FreshRepro {
  public static void main(String[] args) throws Exception {
    int calls = Integer.parseInt(args[0]);
    int fresh = Integer.parseInt(args[1]);
    Path root = Files.createTempDirectory("repro");
    long t0 = System.nanoTime();
    try (GuestInstance guest = new GuestInstance(Files.createDirectory(root.resolve("w")))) {
      GuestClient db = new GuestClient(guest);
      for (int id = 1; id <= 20; id++) {
        db.insert("users", GuestExportsTest.user(id, "user" + id, "u" + id + "@example.com"), null);
      }
      for (int call = 0; call < calls; call += 5) {
        long id = 1 + call % 20;
        db.select("users", WitQuery.filtered(GuestExportsTest.idIs(id)), null);
        try {
          db.insert("users", GuestExportsTest.user(id, "dup", "d@example.com"), null);
        } catch (DbmsException expected) {
        }
        long tx = db.begin();
        db.update("users", Row.builder().set("name", new TextValue("n" + call)).build(),
            GuestExportsTest.idIs(id), tx);
        db.rollback(tx);
        db.delete("posts", DeleteBehavior.RESTRICT, GuestExportsTest.idIs(id), null);
      }
    }
    System.out.printf("workload %d calls in %d s%n", calls, (System.nanoTime() - t0) / 1_000_000_000L);
    int failed = 0;
    for (int k = 0; k < fresh; k++) {
      try (GuestInstance guest = new GuestInstance(Files.createDirectory(root.resolve("f" + k)))) {
        GuestClient db = new GuestClient(guest);
        db.insert("users", GuestExportsTest.user(1, "Alice", "a@example.com"), null);
      } catch (DbmsException e) {
        failed++;
        System.out.println("FAIL fresh " + k + ": " + e.getMessage());
      }
      if (k % 20 == 19) {
        System.out.printf("%d/%d failed, %d s%n", failed, k + 1, (System.nanoTime() - t0) / 1_000_000_000L);
      }
    }
    System.out.printf("TOTAL %d/%d failed%n", failed, fresh);
  }
}
