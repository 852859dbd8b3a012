package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.demo.ExampleGuest;
import org.wasmdbms.host.chicory.ChicoryBytecodeRewriter;
import org.wasmdbms.host.chicory.FlatMemory;

/**
 * How the host runs the example guest on Chicory (docs/host.md): linear memory is the host's {@link
 * FlatMemory}, and the compiled classes that run are the rewritten ones, with no {@code i32}
 * comparison left that C2 can turn into an {@code int} compare (the JDK 17 C2 defect) and no {@code
 * call_indirect} dispatch above HotSpot's huge-method limit (which would run interpreted): the
 * build-time compiled example guest on the class path, and the same module compiled at run time by
 * {@link GuestModule#fromPath} (the classes it loaded, as the host's compilation kept them).
 */
class ChicoryConfigurationTest {
  private static final String PACKAGE = "/org/wasmdbms/demo/";
  private static final String MACHINE = "ExampleGuestModuleMachine";

  /** The guest functions over the limit that no read runs (see the test that counts them). */
  private static final int ONCE_OR_NOT_READ_FUNCTIONS = 4;

  @TempDir Path directory;

  @Test
  void linearMemoryIsFlatMemory() {
    try (GuestInstance instance =
        new GuestInstance(ExampleGuest.module(), HostOptions.withDirectory(directory))) {
      assertInstanceOf(FlatMemory.class, instance.memory());
    }
  }

  @Test
  void theBuildTimeCompiledGuestIsTheRewrittenOne() throws IOException {
    assertRewritten(generatedClasses());
  }

  /**
   * No method of the shipped guest's classes is above HotSpot's huge-method limit, which the JIT
   * never compiles, except guest functions that no read runs: the class initialisers of TeaVM's
   * {@code DoubleAnalyzer} and of the WIT model's {@code DbmsTypes} (once per instance), the
   * migrations' {@code MigrationPlanner.map}, and the join binding {@code RowSource.bind}
   * (docs/guest-performance.md). The dispatches are split by the rewrite; {@code Database.select},
   * {@code BoundFilter.bind} and {@code GuestDatabase.database} were over it before. The module
   * keeps no function names, so the exceptions are counted; a new one fails this test, listed (a
   * build with {@code -Dwasmdbms.guest.names=true} and {@code ChicoryBytecodeRewriter}'s output
   * name them).
   */
  @Test
  void noGuestFunctionThatAReadRunsIsTooLargeForTheJit() throws IOException {
    List<String> huge = new ArrayList<>();
    for (byte[] classFile : generatedClasses()) {
      String name = new ClassReader(classFile).getClassName();
      ChicoryBytecodeRewriter.codeLengths(classFile)
          .forEach(
              (method, length) -> {
                if (length > ChicoryBytecodeRewriter.HUGE_METHOD_LIMIT) {
                  huge.add(name + "." + method + ": " + length + " bytes");
                }
              });
    }
    assertTrue(
        huge.size() <= ONCE_OR_NOT_READ_FUNCTIONS
            && huge.stream().allMatch(m -> m.contains(".func_")),
        "over " + ChicoryBytecodeRewriter.HUGE_METHOD_LIMIT + " bytes: " + huge);
  }

  @Test
  void aRunTimeCompiledGuestIsRewrittenAndRuns() throws IOException {
    GuestModule module =
        GuestModule.fromPath(
            Path.of(System.getProperty("guest.wasm")), GuestModule.Execution.RUNTIME_COMPILER);
    List<byte[]> classes = new ArrayList<>();
    try (JarInputStream jar =
        new JarInputStream(new ByteArrayInputStream(module.runTimeCompiledClasses()))) {
      for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
        if (entry.getName().endsWith(".class")) {
          classes.add(jar.readAllBytes());
        }
      }
    }
    assertTrue(classes.size() > 4, "no function group class");
    assertRewritten(classes);
    try (DbmsHost host = DbmsHost.start(module, HostOptions.withDirectory(directory))) {
      Row user = DatabaseClientTest.user(1, "Ada", "ada@example.com");
      host.client().insert("users", user);
      assertEquals(List.of(user), host.client().selectAll("users"));
    }
  }

  private static void assertRewritten(List<byte[]> generatedClasses) {
    List<String> comparisons = new ArrayList<>();
    List<String> checksBeforeCalls = new ArrayList<>();
    int dispatches = 0;
    int routes = 0;
    for (byte[] classFile : generatedClasses) {
      ClassNode node = new ClassNode();
      new ClassReader(classFile).accept(node, 0);
      for (MethodNode method : node.methods) {
        method.instructions.forEach(
            insn -> {
              // Chicory's helpers; the shaded i32_ge_u is left in place but no longer called.
              if (insn instanceof MethodInsnNode call
                  && (call.owner.endsWith("/OpcodeImpl") || call.owner.endsWith("Shaded"))
                  && (call.name.matches("I32_(EQZ|EQ|NE|(LT|GT|LE|GE)_[SU])")
                      || call.name.equals("i32_ge_u"))) {
                comparisons.add(node.name + "." + method.name + " calls " + call.name);
              }
              // An interruption check is left only at a loop's back-edge, before its jump.
              if (insn instanceof MethodInsnNode call
                  && call.name.equals("checkInterruption")
                  && !(nextInstruction(call) instanceof JumpInsnNode)) {
                checksBeforeCalls.add(node.name + "." + method.name);
              }
            });
      }
      for (Map.Entry<String, Integer> method :
          ChicoryBytecodeRewriter.codeLengths(classFile).entrySet()) {
        if (method.getKey().startsWith("call_indirect_")
            || method.getKey().startsWith("call_dispatch_")
            || method.getKey().startsWith("apply(")) {
          dispatches++;
          routes += method.getKey().contains("$route(") ? 1 : 0;
          assertTrue(
              method.getValue() <= ChicoryBytecodeRewriter.HUGE_METHOD_LIMIT,
              method.getKey() + " has " + method.getValue() + " bytes of bytecode");
        }
      }
    }
    assertEquals(List.of(), comparisons);
    assertEquals(List.of(), checksBeforeCalls, "interruption checks before calls");
    assertTrue(dispatches > 0, "no call_indirect method found: not Chicory's class layout");
    assertTrue(routes > 0, "the (i32) -> i32 dispatch was not split");
  }

  private static AbstractInsnNode nextInstruction(AbstractInsnNode insn) {
    AbstractInsnNode next = insn.getNext();
    while (next != null && next.getOpcode() < 0) {
      next = next.getNext();
    }
    return next;
  }

  /** Every class the build-time compilation generated for the example guest, rewritten. */
  private static List<byte[]> generatedClasses() throws IOException {
    List<byte[]> classes = new ArrayList<>();
    Path directory;
    try {
      directory =
          Path.of(ExampleGuest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .resolve(PACKAGE.substring(1));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(MACHINE) && name.endsWith(".class")) {
          classes.add(Files.readAllBytes(file));
        }
      }
    }
    assertTrue(classes.size() > 4, "no function group class in " + directory);
    return classes;
  }
}
