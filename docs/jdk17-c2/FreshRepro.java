/*
 * Reproducer of the JDK 17 failure in the real guest, for the OLD set-up (docs/host.md, "The JDK 17
 * C2 defect"). It runs against commit 7201ba8 of this repository, where the guest's tests still run
 * Chicory's run-time compiled classes unrewritten on ByteBufferMemory:
 *
 *   mkdir ../old && git archive 7201ba8 | tar -x -C ../old && cd ../old
 *   cp <this file> guest/src/test/java/org/wasmdbms/guest/FreshRepro.java
 *   cp <host>/src/main/java/org/wasmdbms/host/chicory/ChicoryBytecodeRewriter.java \
 *      guest/src/test/java/org/wasmdbms/guest/   (and change its package to org.wasmdbms.guest)
 *   in guest/src/test/java/org/wasmdbms/guest/GuestInstance.java, add
 *      static synchronized void useMachine(Function<Instance, Machine> f) { machine = f; }
 *   mvn -pl api,memory,engine,testkit,processor,example-schema,file,wasm-build,teavm-runtime,guest \
 *       test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
 *       -Dmdep.outputFile=/tmp/cp-\${project.artifactId}.txt -Dmdep.includeScope=test \
 *       -Dspotless.check.skip=true
 *   java -Xmx2g -Dguest.wasm=$PWD/.artifact/wasm-dbms-example-guest.wasm \
 *       -cp guest/target/test-classes:guest/target/classes:$(cat /tmp/cp-wasm-dbms-example-guest.txt) \
 *       org.wasmdbms.guest.FreshRepro isolated old 5000 20 3
 *
 * "variant calls rounds fresh": MemoryStaysFlatTest's workload (select by key, a duplicate insert, a
 * transaction that updates and rolls back, a delete) for `calls` calls in one instance, then `fresh`
 * instances that each insert one row; a failure is "internal-error: unexpected failure in the
 * engine: java.lang.ClassCastException". Each round loads the generated classes in a class loader
 * of its own. "isolated variant calls rounds fresh" goes further: each round runs in a class loader
 * over the whole class path, so Chicory's runtime is loaded afresh too. Only that makes every round
 * a chance: without it, only the first round of a JVM ever failed (Chicory's OpcodeImpl comparison
 * helpers are inlined everywhere, and their profile is shared by every generated class).
 * "dump variant file" writes the variant's classes as the jar Chicory loads.
 *
 * Variants: old (Chicory's classes), rw (the host's rewrite: every i32 comparison, and the
 * call_indirect split), split (only the split), cmp (only the comparisons), cmp:N,N-M (only the
 * comparisons in those functions), cmpx:N,... (the comparisons in every function but those).
 */
package org.wasmdbms.guest;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.wasmdbms.api.error.DbmsException;
import org.wasmdbms.api.query.DeleteBehavior;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.api.value.TextValue;
import org.wasmdbms.guest.GuestClient.WitQuery;

/** args: variant calls rounds fresh. See docs/jdk17-c2/FreshRepro.java in the main tree. */
public class FreshRepro {
  private static byte[] original;

  public static void main(String[] args) throws Exception {
    if (args[0].equals("dump")) {
      Files.write(Path.of(args[2]), variant(args[1]));
      return;
    }
    if (args[0].equals("isolated")) {
      isolated(args);
      return;
    }
    String variant = args[0];
    int calls = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int fresh = Integer.parseInt(args[3]);
    byte[] jar = variant(variant);
    Path root = Files.createTempDirectory("repro");
    long t0 = System.nanoTime();
    int failedRounds = 0;
    int failedStarts = 0;
    for (int round = 0; round < rounds; round++) {
      GuestInstance.useMachine(load(jar)); // new class loader: new classes, no profile, no code
      Path dir = Files.createDirectory(root.resolve("r" + round));
      try (GuestInstance guest = new GuestInstance(Files.createDirectory(dir.resolve("w")))) {
        workload(new GuestClient(guest), calls);
      }
      System.out.printf("round %d: workload done at uptime %.3f s%n", round, uptime());
      int failed = 0;
      for (int k = 0; k < fresh; k++) {
        try (GuestInstance guest = new GuestInstance(Files.createDirectory(dir.resolve("f" + k)))) {
          new GuestClient(guest).insert("users", GuestExportsTest.user(1, "Alice", "a@example.com"), null);
        } catch (DbmsException e) {
          failed++;
          System.out.printf("FAIL round %d fresh %d at uptime %.3f s: %s%n", round, k, uptime(), e.getMessage());
        }
      }
      failedStarts += failed;
      failedRounds += failed > 0 ? 1 : 0;
      System.out.printf("round %d: %d/%d fresh failed, %d s%n", round, failed, fresh,
          (System.nanoTime() - t0) / 1_000_000_000L);
    }
    System.out.printf("TOTAL %s calls %d: %d/%d rounds failed, %d/%d fresh starts failed, %d s%n",
        variant, calls, failedRounds, rounds, failedStarts, rounds * fresh,
        (System.nanoTime() - t0) / 1_000_000_000L);
  }

  /**
   * isolated variant calls rounds fresh: every round in a class loader of its own over the whole
   * class path (Chicory's runtime, the WASI code, the test client and the generated classes are
   * new in each round; only the JDK's classes are shared between rounds).
   */
  static void isolated(String[] args) throws Exception {
    String[] paths = System.getProperty("java.class.path").split(java.io.File.pathSeparator);
    java.net.URL[] urls = new java.net.URL[paths.length];
    for (int i = 0; i < paths.length; i++) {
      urls[i] = Path.of(paths[i]).toAbsolutePath().toUri().toURL();
    }
    int rounds = Integer.parseInt(args[3]);
    long t0 = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      try (java.net.URLClassLoader loader =
          new java.net.URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
        Class<?> repro = loader.loadClass(FreshRepro.class.getName());
        repro.getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {args[1], args[2], "1", args[4]});
      }
      System.out.printf("isolated round %d done, %d s%n", round, (System.nanoTime() - t0) / 1_000_000_000L);
    }
  }

  private static double uptime() {
    return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
  }

  /** MemoryStaysFlatTest's workload. */
  static void workload(GuestClient db, int calls) {
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

  /** Chicory's run-time compilation loaded from {@code jar}, in a class loader of its own. */
  static Function<Instance, Machine> load(byte[] jar) {
    return MachineFactoryCompiler.builder(GuestInstance.module())
        .withCache(new Cache() {
          @Override
          public byte[] get(String key) {
            return jar;
          }

          @Override
          public void putIfAbsent(String key, byte[] value) {}
        })
        .compile();
  }

  /**
   * old: Chicory's classes; rw: all rewritten; split: only the call_indirect split; cmp: only the
   * comparisons, in every function; cmp:N,N-M,...: only the comparisons in those functions;
   * cmpx:N,...: the comparisons in every function but those.
   */
  static byte[] variant(String variant) throws Exception {
    MachineFactoryCompiler.builder(GuestInstance.module())
        .withCache(new Cache() {
          @Override
          public byte[] get(String key) {
            return null;
          }

          @Override
          public void putIfAbsent(String key, byte[] value) {
            original = value;
          }
        })
        .compile();
    if (variant.equals("old")) {
      return original;
    }
    if (variant.equals("rw")) {
      return ChicoryBytecodeRewriter.rewriteJar(original);
    }
    Predicate<String> take;
    if (variant.equals("split")) {
      take = name -> name.startsWith("call_indirect_");
    } else if (variant.equals("cmp")) {
      take = name -> !name.startsWith("call_indirect_");
    } else if (variant.startsWith("cmp:") || variant.startsWith("cmpx:")) {
      Set<String> funcs = new HashSet<>();
      for (String part : variant.substring(variant.indexOf(':') + 1).split(",")) {
        String[] range = part.split("-");
        int from = Integer.parseInt(range[0]);
        int to = Integer.parseInt(range[range.length - 1]);
        for (int f = from; f <= to; f++) {
          funcs.add("func_" + f);
        }
      }
      boolean only = variant.startsWith("cmp:");
      take = name -> !name.startsWith("call_indirect_") && funcs.contains(name) == only;
    } else {
      throw new IllegalArgumentException(variant);
    }
    return merge(original, take);
  }

  /** Chicory's classes, with the rewritten version of every method {@code take} accepts. */
  static byte[] merge(byte[] jar, Predicate<String> take) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int taken = 0;
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar));
        JarOutputStream merged = new JarOutputStream(out)) {
      for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
        byte[] bytes = in.readAllBytes();
        if (entry.getName().endsWith(".class")) {
          byte[] rewritten = ChicoryBytecodeRewriter.rewrite(bytes).bytes();
          if (rewritten != bytes) {
            ClassNode a = new ClassNode();
            new ClassReader(bytes).accept(a, 0);
            ClassNode b = new ClassNode();
            new ClassReader(rewritten).accept(b, 0);
            for (MethodNode m : b.methods) {
              String base = m.name.contains("$") ? m.name.substring(0, m.name.indexOf('$')) : m.name;
              if (!take.test(base)) {
                continue;
              }
              int index = -1;
              for (int i = 0; i < a.methods.size(); i++) {
                if (a.methods.get(i).name.equals(m.name) && a.methods.get(i).desc.equals(m.desc)) {
                  index = i;
                }
              }
              if (index >= 0) {
                a.methods.set(index, m);
              } else {
                a.methods.add(m);
              }
              taken++;
            }
            ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            a.accept(writer);
            bytes = writer.toByteArray();
          }
        }
        merged.putNextEntry(new JarEntry(entry.getName()));
        merged.write(bytes);
        merged.closeEntry();
      }
    }
    System.out.println("variant: " + taken + " methods taken from the rewrite");
    return out.toByteArray();
  }
}
