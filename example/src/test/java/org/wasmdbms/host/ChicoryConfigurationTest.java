package org.wasmdbms.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.wasmdbms.api.row.Row;
import org.wasmdbms.demo.ExampleGuest;
import org.wasmdbms.host.chicory.ChicoryBytecodeRewriter;

/**
 * How the host runs the example guest on Chicory (docs/host.md): linear memory is {@link
 * ByteArrayMemory}, and the compiled classes that run are the rewritten ones, with no {@code i32}
 * comparison left that C2 can turn into an {@code int} compare (the JDK 17 C2 defect) and no {@code
 * call_indirect} dispatch above HotSpot's huge-method limit (which would run interpreted): the
 * build-time compiled example guest on the class path, and the same module compiled at run time by
 * {@link GuestModule#fromPath} (the classes it loaded, as the host's compilation kept them).
 */
class ChicoryConfigurationTest {
  private static final String PACKAGE = "/org/wasmdbms/demo/";
  private static final String MACHINE = "ExampleGuestModuleMachine";

  @TempDir Path directory;

  @Test
  void linearMemoryIsByteArrayMemory() {
    try (GuestInstance instance =
        new GuestInstance(ExampleGuest.module(), HostOptions.withDirectory(directory))) {
      assertInstanceOf(ByteArrayMemory.class, instance.memory());
    }
  }

  @Test
  void theBuildTimeCompiledGuestIsTheRewrittenOne() throws IOException {
    assertRewritten(generatedClasses());
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
            });
      }
      for (Map.Entry<String, Integer> method :
          ChicoryBytecodeRewriter.codeLengths(classFile).entrySet()) {
        if (method.getKey().startsWith("call_indirect_")) {
          dispatches++;
          routes += method.getKey().contains("$route(") ? 1 : 0;
          assertTrue(
              method.getValue() <= ChicoryBytecodeRewriter.HUGE_METHOD_LIMIT,
              method.getKey() + " has " + method.getValue() + " bytes of bytecode");
        }
      }
    }
    assertEquals(List.of(), comparisons);
    assertTrue(dispatches > 0, "no call_indirect method found: not Chicory's class layout");
    assertTrue(routes > 0, "the (i32) -> i32 dispatch was not split");
  }

  private static List<byte[]> generatedClasses() throws IOException {
    List<byte[]> classes = new ArrayList<>();
    for (String suffix : List.of("", "Shaded", "MachineCall", "Dispatch_0")) {
      classes.add(resource(MACHINE + suffix));
    }
    for (int group = 0; ; group++) {
      try (InputStream in = resourceStream(MACHINE + "FuncGroup_" + group)) {
        if (in == null) {
          break;
        }
        classes.add(in.readAllBytes());
      }
    }
    assertTrue(classes.size() > 4, "no function group class");
    return classes;
  }

  private static byte[] resource(String simpleName) throws IOException {
    try (InputStream in = resourceStream(simpleName)) {
      assertTrue(in != null, "missing generated class " + simpleName);
      return in.readAllBytes();
    }
  }

  private static InputStream resourceStream(String simpleName) {
    return ChicoryConfigurationTest.class.getResourceAsStream(PACKAGE + simpleName + ".class");
  }
}
