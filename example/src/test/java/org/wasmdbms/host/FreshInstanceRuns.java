package org.wasmdbms.host;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wasmdbms.api.error.InternalDbmsException;
import org.wasmdbms.api.error.PrimaryKeyConflictException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.query.Filter;
import org.wasmdbms.api.query.Query;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.api.value.Uint32Value;
import org.wasmdbms.demo.ExampleGuest;

/**
 * The reproducer's shape for the JDK 17 C2 defect (docs/host.md, "The JDK 17 C2 defect"): one
 * instance runs a long mixed workload, then fresh instances in the same JVM each register the
 * schema, insert a row and read it back; an internal error in a fresh instance is the failure.
 *
 * <p>A JVM shows the failure at most once: the trap that exposes the miscompiled code also throws
 * that code away, and the classes of Chicory's runtime ({@code OpcodeImpl}'s comparison helpers,
 * inlined everywhere) keep a profile from then on that hides the shape. So every round of {@link
 * #isolatedRound} runs in a class loader of its own over the whole class path: Chicory, the host,
 * the API and the guest's classes are loaded afresh (only the JDK's are shared), which makes each
 * round a new chance. Measured on the old set-up (docs/host.md): 5 of 26 such rounds failed, in
 * three JVMs, where without the class loaders no round after a JVM's first ever failed.
 *
 * <p>{@code main(variant rounds calls fresh)} runs rounds one after another and prints one line per
 * failure and a total; {@code variant} is {@code rewritten} (the build-time compiled, rewritten
 * example guest the host ships with) or {@code chicory} (the example guest compiled by Chicory at
 * run time without the host's rewrite). Not thread-safe; one run at a time.
 */
final class FreshInstanceRuns {
  private FreshInstanceRuns() {}

  /**
   * One round in a class loader of its own (see the class comment), in a new subdirectory of {@code
   * directory}.
   *
   * @return a description of every internal error, empty if there was none
   */
  static List<String> isolatedRound(String variant, Path directory, int calls, int fresh)
      throws IOException {
    String[] paths = System.getProperty("java.class.path").split(File.pathSeparator);
    URL[] urls = new URL[paths.length];
    for (int i = 0; i < paths.length; i++) {
      urls[i] = Path.of(paths[i]).toAbsolutePath().toUri().toURL();
    }
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      Method round =
          loader
              .loadClass(FreshInstanceRuns.class.getName())
              .getDeclaredMethod("round", String.class, String.class, int.class, int.class);
      round.setAccessible(true); // this class, package-private, as another class loader has it
      Object failures = round.invoke(null, variant, directory.toString(), calls, fresh);
      return List.of((String[]) failures);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("round failed outside a fresh instance", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One round in this class loader; JDK types only, so that {@link #isolatedRound} can call it. */
  static String[] round(String variant, String directory, int calls, int fresh) {
    try {
      Path round = Files.createTempDirectory(Path.of(directory), "round");
      GuestModule module = module(variant);
      try (DbmsHost host =
          DbmsHost.start(
              module, HostOptions.withDirectory(Files.createDirectory(round.resolve("w"))))) {
        workload(host.client(), calls);
      }
      List<String> failures = new ArrayList<>();
      Row user = DatabaseClientTest.user(1, "Ada", "ada@example.com");
      for (int k = 0; k < fresh; k++) {
        Path dir = Files.createDirectory(round.resolve("fresh-" + k));
        try (DbmsHost host = DbmsHost.start(module, HostOptions.withDirectory(dir))) {
          DatabaseClient db = host.client();
          db.insert("users", user);
          if (!db.selectAll("users").equals(List.of(user))) {
            failures.add("fresh instance " + k + ": read back " + db.selectAll("users"));
          }
        } catch (InternalDbmsException e) {
          failures.add("fresh instance " + k + ": " + e.getMessage());
        }
      }
      return failures.toArray(new String[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GuestModule module(String variant) {
    return switch (variant) {
      case "rewritten" -> ExampleGuest.module();
      case "chicory" -> {
        WasmModule module = Parser.parse(Path.of(System.getProperty("guest.wasm")));
        yield GuestModule.buildTimeCompiled(
            "example guest, Chicory's classes unrewritten",
            module,
            MachineFactoryCompiler.compile(module));
      }
      default ->
          throw new IllegalArgumentException("variant: rewritten or chicory, not " + variant);
    };
  }

  /**
   * The workload that first showed the failure (the guest suite's {@code MemoryStaysFlatTest}):
   * twenty users, then for {@code calls} calls in turn a select by key, an insert that conflicts on
   * the key, a transaction that updates a user and rolls back, and a delete that matches nothing.
   */
  static void workload(DatabaseClient db, int calls) {
    for (int id = 1; id <= 20; id++) {
      db.insert("users", DatabaseClientTest.user(id, "user" + id, "u" + id + "@example.com"));
    }
    for (int call = 0; call < calls; call += 5) {
      Filter byId = new Filter.Eq("id", new Uint32Value(1 + call % 20));
      db.select("users", Query.builder().filter(byId).build());
      try {
        db.insert("users", DatabaseClientTest.user(1 + call % 20, "dup", "d@example.com"));
      } catch (PrimaryKeyConflictException expected) {
        // the error path is part of the profile
      }
      try (Transaction tx = db.begin()) {
        tx.update("users", Row.builder().set("name", new TextValue("n" + call)).build(), byId);
      }
      db.delete("posts", DeleteBehavior.RESTRICT, byId);
    }
  }

  /** {@code variant rounds calls fresh}: the long runs of docs/host.md. */
  public static void main(String[] args) throws IOException {
    String variant = args[0];
    int rounds = Integer.parseInt(args[1]);
    int calls = Integer.parseInt(args[2]);
    int fresh = Integer.parseInt(args[3]);
    Path directory = Files.createTempDirectory("fresh-runs");
    long start = System.nanoTime();
    int failedRounds = 0;
    int failedStarts = 0;
    for (int round = 0; round < rounds; round++) {
      List<String> failures = isolatedRound(variant, directory, calls, fresh);
      for (String failure : failures) {
        System.out.println("FAIL round " + round + " " + failure);
      }
      failedRounds += failures.isEmpty() ? 0 : 1;
      failedStarts += failures.size();
      if (round % 10 == 9) {
        System.out.printf(
            "%d rounds, %d failed, %d s%n",
            round + 1, failedRounds, (System.nanoTime() - start) / 1_000_000_000L);
      }
    }
    System.out.printf(
        "TOTAL %s %s: %d/%d rounds failed, %d/%d fresh starts failed, %d s%n",
        System.getProperty("java.vm.version"),
        variant,
        failedRounds,
        rounds,
        failedStarts,
        rounds * fresh,
        (System.nanoTime() - start) / 1_000_000_000L);
  }
}
