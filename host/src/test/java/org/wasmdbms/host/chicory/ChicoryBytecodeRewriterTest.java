package org.wasmdbms.host.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The rewriter on classes shaped like Chicory 1.7.5's output, assembled here: the unsigned
 * comparisons it substitutes agree with {@link Integer#compareUnsigned} on edge and random values,
 * and a split {@code call_indirect} dispatch, out-of-line {@code call_indirect} switch or exports'
 * entry switch still reaches every function (and traps on any other id) while no method is left
 * above HotSpot's huge-method limit.
 */
class ChicoryBytecodeRewriterTest {
  private static final String PACKAGE = "org/wasmdbms/host/chicory/";
  private static final String OPCODES = "com/dylibso/chicory/runtime/OpcodeImpl";
  private static final int FUNCTIONS = 900;

  /** The two-operand comparisons the rewriter replaces, each a method of the probe class. */
  private static final List<String> COMPARISONS =
      ChicoryBytecodeRewriter.COMPARISONS.stream()
          .filter(op -> op.startsWith("I32_") && !op.equals("I32_EQZ"))
          .toList();

  /**
   * A class whose methods each return one of Chicory's {@code i32} comparisons of their two
   * arguments (named after it), and {@code I32_EQZ} of the first.
   */
  private static byte[] comparisons(String name) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, PACKAGE + name, null, "java/lang/Object", null);
    for (String op : concat(COMPARISONS, "I32_EQZ")) {
      MethodVisitor m =
          writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, op, "(II)I", null, null);
      m.visitCode();
      m.visitVarInsn(Opcodes.ILOAD, 0);
      boolean unary = op.equals("I32_EQZ");
      if (!unary) {
        m.visitVarInsn(Opcodes.ILOAD, 1);
      }
      m.visitMethodInsn(Opcodes.INVOKESTATIC, OPCODES, op, unary ? "(I)I" : "(II)I", false);
      m.visitInsn(Opcodes.IRETURN);
      m.visitMaxs(0, 0);
      m.visitEnd();
    }
    writer.visitEnd();
    return writer.toByteArray();
  }

  /**
   * Chicory's {@code call_indirect} shape: {@code (arg, funcId) -> switch (funcId) { case k: return
   * func_k(arg); default: throw trap(); }} over {@value #FUNCTIONS} functions with even ids; {@code
   * func_k(x)} returns {@code 1000 * k + x}.
   */
  private static byte[] dispatch(String name) {
    return dispatch(name, "call_indirect_1", false);
  }

  /**
   * The shape of {@link #dispatch(String)} in method {@code method}; with {@code entry}, the shape
   * of Chicory's entry switches ({@code call_dispatch_N}, {@code Indirect_T_N.apply}) instead: a
   * {@code tableswitch} whose gaps go to the default block, and ids 0 and 2 sharing a block that
   * returns {@code -arg} (as the imported functions share one).
   */
  private static byte[] dispatch(String name, String method, boolean entry) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    String internal = PACKAGE + name;
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, internal, null, "java/lang/Object", null);
    int[] keys = new int[FUNCTIONS];
    Label[] labels = new Label[FUNCTIONS];
    for (int i = 0; i < FUNCTIONS; i++) {
      keys[i] = 2 * i;
      labels[i] = new Label();
      MethodVisitor f =
          writer.visitMethod(
              Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "func_" + keys[i], "(I)I", null, null);
      f.visitCode();
      f.visitLdcInsn(1000 * keys[i]);
      f.visitVarInsn(Opcodes.ILOAD, 0);
      f.visitInsn(Opcodes.IADD);
      f.visitInsn(Opcodes.IRETURN);
      f.visitMaxs(0, 0);
      f.visitEnd();
    }
    MethodVisitor trap =
        writer.visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC,
            "trap",
            "()Ljava/lang/RuntimeException;",
            null,
            null);
    trap.visitCode();
    trap.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
    trap.visitInsn(Opcodes.DUP);
    trap.visitMethodInsn(
        Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
    trap.visitInsn(Opcodes.ARETURN);
    trap.visitMaxs(0, 0);
    trap.visitEnd();
    MethodVisitor m =
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, method, "(II)I", null, null);
    m.visitCode();
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitVarInsn(Opcodes.ILOAD, 1);
    Label invalid = new Label();
    Label shared = new Label();
    if (entry) {
      Label[] table = new Label[2 * FUNCTIONS];
      for (int id = 0; id < table.length; id++) {
        table[id] = id % 2 != 0 ? invalid : id <= 2 ? shared : labels[id / 2];
      }
      m.visitTableSwitchInsn(0, table.length - 1, invalid, table);
      m.visitLabel(shared);
      m.visitInsn(Opcodes.INEG);
      m.visitInsn(Opcodes.IRETURN);
    } else {
      m.visitLookupSwitchInsn(invalid, keys, labels);
    }
    for (int i = entry ? 2 : 0; i < FUNCTIONS; i++) {
      m.visitLabel(labels[i]);
      m.visitMethodInsn(Opcodes.INVOKESTATIC, internal, "func_" + keys[i], "(I)I", false);
      m.visitInsn(Opcodes.IRETURN);
    }
    m.visitLabel(invalid);
    m.visitMethodInsn(
        Opcodes.INVOKESTATIC, internal, "trap", "()Ljava/lang/RuntimeException;", false);
    m.visitInsn(Opcodes.ATHROW);
    m.visitMaxs(0, 0);
    m.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  private static Class<?> define(byte[] classFile) throws IllegalAccessException {
    return MethodHandles.lookup().defineClass(classFile);
  }

  private static List<String> concat(List<String> list, String last) {
    List<String> all = new ArrayList<>(list);
    all.add(last);
    return all;
  }

  @Test
  void comparisonsMatchJava() throws Exception {
    ChicoryBytecodeRewriter.Result result =
        ChicoryBytecodeRewriter.rewrite(comparisons("ComparisonProbe"));
    assertEquals(COMPARISONS.size() + 1, result.comparisons());
    assertFalse(calls(result.bytes()).contains(OPCODES), "no call to Chicory's helpers is left");
    Class<?> probe = define(result.bytes());
    long seed = System.nanoTime();
    System.out.println("ChicoryBytecodeRewriterTest seed " + seed);
    Random random = new Random(seed);
    List<Integer> values =
        new ArrayList<>(
            List.of(0, 1, -1, 2, -2, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE + 1));
    for (int i = 0; i < 200; i++) {
      values.add(random.nextInt());
    }
    for (int a : values) {
      for (int b : values) {
        int u = Integer.compareUnsigned(a, b);
        assertEquals(u < 0 ? 1 : 0, invoke(probe, "I32_LT_U", a, b), a + " <u " + b);
        assertEquals(u > 0 ? 1 : 0, invoke(probe, "I32_GT_U", a, b), a + " >u " + b);
        assertEquals(u <= 0 ? 1 : 0, invoke(probe, "I32_LE_U", a, b), a + " <=u " + b);
        assertEquals(u >= 0 ? 1 : 0, invoke(probe, "I32_GE_U", a, b), a + " >=u " + b);
        assertEquals(a < b ? 1 : 0, invoke(probe, "I32_LT_S", a, b), a + " < " + b);
        assertEquals(a > b ? 1 : 0, invoke(probe, "I32_GT_S", a, b), a + " > " + b);
        assertEquals(a <= b ? 1 : 0, invoke(probe, "I32_LE_S", a, b), a + " <= " + b);
        assertEquals(a >= b ? 1 : 0, invoke(probe, "I32_GE_S", a, b), a + " >= " + b);
        assertEquals(a == b ? 1 : 0, invoke(probe, "I32_EQ", a, b), a + " == " + b);
        assertEquals(a != b ? 1 : 0, invoke(probe, "I32_NE", a, b), a + " != " + b);
      }
      assertEquals(a == 0 ? 1 : 0, invoke(probe, "I32_EQZ", a, 0), a + " == 0");
    }
  }

  @Test
  void aSplitDispatchReachesEveryFunctionAndTrapsOtherwise() throws Exception {
    byte[] original = dispatch("DispatchProbe");
    assertTrue(codeLength(original, "call_indirect_1") > ChicoryBytecodeRewriter.HUGE_METHOD_LIMIT);
    ChicoryBytecodeRewriter.Result result = ChicoryBytecodeRewriter.rewrite(original);
    assertEquals(1, result.dispatches());
    assertNoHugeMethod(result.bytes());
    Class<?> probe = define(result.bytes());
    for (int id = -3; id < 2 * FUNCTIONS + 300; id++) {
      if (id >= 0 && id < 2 * FUNCTIONS && id % 2 == 0) {
        assertEquals(1000 * id + 7, invoke(probe, "call_indirect_1", 7, id), "function " + id);
      } else {
        assertTraps(probe, "call_indirect_1", id);
      }
    }
    assertRewriteIsStable(result);
  }

  @Test
  void splitEntrySwitchesReachEveryFunctionAndTrapOtherwise() throws Exception {
    for (String[] shape :
        new String[][] {{"ProbeIndirect_1_0", "apply"}, {"ProbeDispatch_0", "call_dispatch_0"}}) {
      byte[] original = dispatch(shape[0], shape[1], true);
      assertTrue(codeLength(original, shape[1]) > ChicoryBytecodeRewriter.HUGE_METHOD_LIMIT);
      ChicoryBytecodeRewriter.Result result = ChicoryBytecodeRewriter.rewrite(original);
      assertEquals(1, result.dispatches(), shape[1]);
      assertNoHugeMethod(result.bytes());
      Class<?> probe = define(result.bytes());
      for (int id = -3; id < 2 * FUNCTIONS + 300; id++) {
        if (id == 0 || id == 2) {
          assertEquals(-7, invoke(probe, shape[1], 7, id), "shared block, id " + id);
        } else if (id >= 0 && id < 2 * FUNCTIONS && id % 2 == 0) {
          assertEquals(1000 * id + 7, invoke(probe, shape[1], 7, id), "function " + id);
        } else {
          assertTraps(probe, shape[1], id);
        }
      }
      assertRewriteIsStable(result);
    }
  }

  private static void assertNoHugeMethod(byte[] classFile) {
    ChicoryBytecodeRewriter.codeLengths(classFile)
        .forEach(
            (name, length) ->
                assertTrue(
                    length <= ChicoryBytecodeRewriter.HUGE_METHOD_LIMIT, name + " is still huge"));
  }

  /** A call of {@code method} with function id {@code id} ends in Chicory's type-mismatch trap. */
  private static void assertTraps(Class<?> probe, String method, int id) {
    InvocationTargetException thrown =
        assertThrows(InvocationTargetException.class, () -> invoke(probe, method, 7, id));
    assertSame(IllegalStateException.class, thrown.getCause().getClass(), "id " + id);
  }

  private static void assertRewriteIsStable(ChicoryBytecodeRewriter.Result result) {
    assertSame(
        result.bytes(),
        ChicoryBytecodeRewriter.rewrite(result.bytes()).bytes(),
        "a second run changes nothing");
  }

  @Test
  void anUnexpectedCaseShapeFailsTheBuild() {
    // A switch whose cases are not "invokestatic func_N; return" is not Chicory's dispatch.
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    writer.visit(
        Opcodes.V11, Opcodes.ACC_PUBLIC, PACKAGE + "OddProbe", null, "java/lang/Object", null);
    MethodVisitor m =
        writer.visitMethod(
            Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "call_indirect_0", "(I)I", null, null);
    m.visitCode();
    m.visitVarInsn(Opcodes.ILOAD, 0);
    int[] keys = new int[ChicoryBytecodeRewriter.CHUNK + 1];
    Label[] labels = new Label[keys.length];
    Label end = new Label();
    for (int i = 0; i < keys.length; i++) {
      keys[i] = i;
      labels[i] = end;
    }
    m.visitLookupSwitchInsn(end, keys, labels);
    m.visitLabel(end);
    m.visitInsn(Opcodes.ICONST_0);
    m.visitInsn(Opcodes.IRETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    writer.visitEnd();
    byte[] odd = writer.toByteArray();
    assertThrows(IllegalStateException.class, () -> ChicoryBytecodeRewriter.rewrite(odd));
  }

  private static int invoke(Class<?> type, String method, int a, int b) throws Exception {
    Method m = type.getMethod(method, int.class, int.class);
    return (Integer) m.invoke(null, a, b);
  }

  private static String calls(byte[] classFile) {
    StringBuilder owners = new StringBuilder();
    ClassNode node = new ClassNode();
    new ClassReader(classFile).accept(node, 0);
    for (MethodNode method : node.methods) {
      method.instructions.forEach(
          insn -> {
            if (insn instanceof MethodInsnNode call) {
              owners.append(call.owner).append(' ');
            }
          });
    }
    return owners.toString();
  }

  private static int codeLength(byte[] classFile, String method) {
    return ChicoryBytecodeRewriter.codeLengths(classFile).entrySet().stream()
        .filter(e -> e.getKey().startsWith(method + "("))
        .mapToInt(e -> e.getValue())
        .max()
        .orElseThrow();
  }

  /** Stands in for the module's copy of Chicory's {@code Shaded}: counts the checks that run. */
  public static final class CountingShaded {
    static int checks;

    private CountingShaded() {}

    /** Chicory's interruption check, counted. */
    public static void checkInterruption() {
      checks++;
    }
  }

  /**
   * A loop as Chicory emits it: {@code sum(n)} adds {@code step(i)} for i = n .. 1, with an
   * interruption check before the call and one before the back-edge.
   */
  private static byte[] loopWithChecks(String name) {
    String shaded = PACKAGE + "ChicoryBytecodeRewriterTest$CountingShaded";
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
    writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC, PACKAGE + name, null, "java/lang/Object", null);
    MethodVisitor step =
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "step", "(I)I", null, null);
    step.visitCode();
    step.visitVarInsn(Opcodes.ILOAD, 0);
    step.visitInsn(Opcodes.IRETURN);
    step.visitMaxs(0, 0);
    step.visitEnd();
    MethodVisitor m =
        writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sum", "(I)I", null, null);
    m.visitCode();
    m.visitInsn(Opcodes.ICONST_0);
    m.visitVarInsn(Opcodes.ISTORE, 1);
    Label head = new Label();
    Label end = new Label();
    m.visitLabel(head);
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitJumpInsn(Opcodes.IFEQ, end);
    m.visitVarInsn(Opcodes.ILOAD, 1);
    m.visitVarInsn(Opcodes.ILOAD, 0);
    m.visitMethodInsn(Opcodes.INVOKESTATIC, shaded, "checkInterruption", "()V", false);
    m.visitMethodInsn(Opcodes.INVOKESTATIC, PACKAGE + name, "step", "(I)I", false);
    m.visitInsn(Opcodes.IADD);
    m.visitVarInsn(Opcodes.ISTORE, 1);
    m.visitIincInsn(0, -1);
    m.visitMethodInsn(Opcodes.INVOKESTATIC, shaded, "checkInterruption", "()V", false);
    m.visitJumpInsn(Opcodes.GOTO, head);
    m.visitLabel(end);
    m.visitVarInsn(Opcodes.ILOAD, 1);
    m.visitInsn(Opcodes.IRETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  @Test
  void interruptionChecksBeforeCallsGoAndThoseAtLoopBackEdgesStay() throws Exception {
    ChicoryBytecodeRewriter.Result result =
        ChicoryBytecodeRewriter.rewrite(loopWithChecks("CheckProbe"));
    assertEquals(1, result.checks());
    Method sum = define(result.bytes()).getMethod("sum", int.class);
    CountingShaded.checks = 0;
    assertEquals(55, sum.invoke(null, 10));
    assertEquals(10, CountingShaded.checks, "one check per back-edge, none per call");
    assertEquals(0, ChicoryBytecodeRewriter.rewrite(result.bytes()).checks(), "idempotent");
  }
}
