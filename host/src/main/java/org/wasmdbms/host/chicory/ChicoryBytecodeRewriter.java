package org.wasmdbms.host.chicory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites the JVM classes that Chicory 1.7.5's compiler generates for a WebAssembly module, so
 * that HotSpot runs them correctly and at full speed: in place in a classes directory after {@code
 * chicory-compiler-maven-plugin} (build time, through {@link #main}), or in the jar that the
 * run-time compiler hands to its cache ({@link #rewriteJar}, used by {@link RewritingCompiler} for
 * every module the host compiles at run time). Three changes, the first two semantics-preserving:
 *
 * <ol>
 *   <li><b>{@code i32} comparisons without an {@code int} compare.</b> Chicory compiles every
 *       {@code i32} comparison ({@code eqz}, {@code eq}, {@code ne}, {@code lt_s} ... {@code ge_u})
 *       to a call of a small {@code OpcodeImpl} helper that C2 inlines as an {@code int} compare.
 *       Two such compares of one value against constants (TeaVM's type checks test a class id
 *       against ranges this way, and {@code Integer.compareUnsigned} is two signed compares of
 *       {@code x + MIN_VALUE} on JDK 17) are what C2's if-folding ({@code IfNode::fold_compares})
 *       merges into one range check. When split-if has moved the uncommon trap of the first
 *       compare, taking that trap resumes the method in the interpreter with wrong values
 *       (JDK-8376400; a fresh guest instance took it and failed with a ClassCastException inside
 *       the guest, docs/host.md). Each call is replaced by branch-free arithmetic on longs: {@code
 *       a < b} is the sign bit of {@code (long) a - (long) b} (operands zero-extended for the
 *       unsigned forms), {@code a == b} the sign bit of {@code zeroExtended(a ^ b) - 1}. No {@code
 *       int} compare is left for if-folding to merge.
 *   <li><b>{@code call_indirect} dispatch under HotSpot's huge-method limit.</b> Chicory emits one
 *       {@code call_indirect_<type>} method per function type whose {@code lookupswitch} names
 *       every function of that type; for TeaVM's {@code (i32) -> i32} (every virtual call) that is
 *       over 11,000 bytes of bytecode, above the 8,000 bytes HotSpot compiles ({@code
 *       DontCompileHugeMethods}), so it runs in the JVM's interpreter. A switch over more than
 *       {@value #CHUNK} functions is replaced by a call to a router that switches on {@code funcId
 *       >>> 7} to one of several chunk methods, each a {@code lookupswitch} over at most {@value
 *       #CHUNK} functions; an id outside every case still reaches Chicory's own type-mismatch trap.
 *       The out-of-line {@code call_indirect} switches of the largest types ({@code
 *       …Indirect_T_N.apply}) and the exports' entry switch ({@code …Dispatch_N.call_dispatch_N})
 *       are split the same way by {@link EntrySwitchSplitter}.
 *   <li><b>No interruption check before every call.</b> Chicory calls {@code
 *       Shaded.checkInterruption()} (the calling thread's interrupt status) before every call and
 *       at every loop back-edge; in the largest guest functions C2 stops inlining it, and it was a
 *       tenth of a primary-key read's samples (docs/guest-performance.md). The host does not
 *       support interrupting a call (docs/host.md), so the checks before calls go; the ones at loop
 *       back-edges (a {@code goto} follows them) stay, so a guest that loops forever still stops
 *       when its thread is interrupted. A call chain without loops ends by itself or overflows the
 *       stack.
 * </ol>
 *
 * <p>{@link #main} fails if a dispatch is still above the limit, and lists the guest's own
 * functions that are (only a smaller function in the guest's source fixes those).
 *
 * <p>The rewrite expects the exact code shapes Chicory 1.7.5 emits and fails (with {@link
 * IllegalStateException}) on anything else, so a Chicory upgrade cannot silently skip it. Running
 * it twice changes nothing the second time.
 *
 * <p>Arguments: {@code <classes directory> <binary name of the generated machine class>}; every
 * class file in that package whose name starts with the machine class's simple name is rewritten.
 *
 * <p>Stateless: every method may be called from any thread.
 */
public final class ChicoryBytecodeRewriter {
  /** HotSpot's default {@code HugeMethodLimit}: larger methods are never JIT-compiled. */
  public static final int HUGE_METHOD_LIMIT = 8000;

  /** Functions per chunk method; ids are bucketed by {@code funcId >>> CHUNK_SHIFT}. */
  static final int CHUNK = 128;

  private static final int CHUNK_SHIFT = 7;
  private static final String OPCODES = "com/dylibso/chicory/runtime/OpcodeImpl";

  /**
   * Chicory's helpers for the {@code i32} comparisons: {@code OpcodeImpl}'s signed, unsigned and
   * equality tests, and the shaded {@code i32.ge_u} of its JDK 17 workaround.
   */
  static final List<String> COMPARISONS =
      List.of(
          "I32_EQZ",
          "I32_EQ",
          "I32_NE",
          "I32_LT_S",
          "I32_GT_S",
          "I32_LE_S",
          "I32_GE_S",
          "I32_LT_U",
          "I32_GT_U",
          "I32_LE_U",
          "I32_GE_U",
          "i32_ge_u");

  private ChicoryBytecodeRewriter() {}

  /**
   * Rewrites the generated classes in place (see the class comment for the arguments).
   *
   * @throws IllegalStateException if a class does not have Chicory 1.7.5's shapes, or a dispatch
   *     method is still above {@link #HUGE_METHOD_LIMIT} after the rewrite
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: ChicoryBytecodeRewriter <classes dir> <machine class binary name>");
    }
    String machine = args[1];
    int dot = machine.lastIndexOf('.');
    Path directory = Path.of(args[0]).resolve(machine.substring(0, dot + 1).replace('.', '/'));
    String prefix = machine.substring(dot + 1);
    List<Path> classes;
    try (Stream<Path> files = Files.list(directory)) {
      classes =
          files
              .filter(
                  f -> {
                    String name = f.getFileName().toString();
                    return name.startsWith(prefix) && name.endsWith(".class");
                  })
              .sorted()
              .toList();
    }
    if (classes.isEmpty()) {
      throw new IllegalStateException("no class " + prefix + "*.class in " + directory);
    }
    int comparisons = 0;
    int dispatches = 0;
    int checks = 0;
    List<String> huge = new ArrayList<>();
    for (Path file : classes) {
      Result result = rewrite(Files.readAllBytes(file));
      if (result.comparisons() + result.dispatches() + result.checks() > 0) {
        Files.write(file, result.bytes());
      }
      String simpleName = file.getFileName().toString().replace(".class", "");
      codeLengths(result.bytes())
          .forEach(
              (method, length) -> {
                if (length <= HUGE_METHOD_LIMIT) {
                  return;
                }
                if (isDispatch(method)) {
                  throw new IllegalStateException(
                      file + ": " + method + " is still " + length + " bytes of bytecode");
                }
                huge.add(simpleName + "." + method + ": " + length + " bytes");
              });
      comparisons += result.comparisons();
      dispatches += result.dispatches();
      checks += result.checks();
    }
    System.out.println(
        "rewrote "
            + comparisons
            + " i32 comparisons and split "
            + dispatches
            + " dispatches, removed "
            + checks
            + " interruption checks before calls, in "
            + classes.size()
            + " classes of "
            + machine);
    if (!huge.isEmpty()) {
      // The guest's own functions: only a smaller function in the guest's source fixes those.
      System.out.println(
          "guest functions over HotSpot's huge-method limit ("
              + HUGE_METHOD_LIMIT
              + " bytes), which the JIT never compiles:\n  "
              + String.join("\n  ", huge));
    }
  }

  /** Whether a method (by {@code name(desc)}) is one of the dispatches the rewrite splits. */
  private static boolean isDispatch(String method) {
    return method.startsWith("call_indirect_")
        || method.startsWith("call_dispatch_")
        || method.startsWith("apply(");
  }

  /** A rewritten class and what changed in it. */
  record Result(byte[] bytes, int comparisons, int dispatches, int checks) {}

  /**
   * Rewrites every class in {@code jar}, the form in which Chicory's run-time compiler hands its
   * classes to a {@code com.dylibso.chicory.compiler.Cache}; other entries are copied unchanged.
   */
  public static byte[] rewriteJar(byte[] jar) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar));
        JarOutputStream rewritten = new JarOutputStream(out)) {
      for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
        byte[] bytes = in.readAllBytes();
        if (entry.getName().endsWith(".class")) {
          bytes = rewrite(bytes).bytes();
        }
        rewritten.putNextEntry(new JarEntry(entry.getName()));
        rewritten.write(bytes);
        rewritten.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The bytecode length of every method with code in {@code classFile}, by name and descriptor
   * ({@code name(desc)}): the measure HotSpot compares with {@code HugeMethodLimit}.
   */
  public static Map<String, Integer> codeLengths(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    char[] buffer = new char[reader.getMaxStringLength()];
    int u = reader.header + 6; // access flags, this class, super class
    u += 2 + 2 * reader.readUnsignedShort(u); // interfaces
    int fields = reader.readUnsignedShort(u);
    u += 2;
    for (int i = 0; i < fields; i++) {
      u = skipAttributes(reader, u + 6);
    }
    Map<String, Integer> lengths = new TreeMap<>();
    int methods = reader.readUnsignedShort(u);
    u += 2;
    for (int i = 0; i < methods; i++) {
      String name = reader.readUTF8(u + 2, buffer) + reader.readUTF8(u + 4, buffer);
      int attributes = reader.readUnsignedShort(u + 6);
      u += 8;
      for (int a = 0; a < attributes; a++) {
        if (reader.readUTF8(u, buffer).equals("Code")) {
          lengths.put(name, reader.readInt(u + 10)); // after max_stack and max_locals
        }
        u += 6 + reader.readInt(u + 2);
      }
    }
    return lengths;
  }

  private static int skipAttributes(ClassReader reader, int u) {
    int attributes = reader.readUnsignedShort(u);
    u += 2;
    for (int a = 0; a < attributes; a++) {
      u += 6 + reader.readInt(u + 2);
    }
    return u;
  }

  /** Rewrites one class file; returns it unchanged (and zero counts) if there is nothing to do. */
  static Result rewrite(byte[] classFile) {
    ClassNode node = new ClassNode();
    new ClassReader(classFile).accept(node, ClassReader.EXPAND_FRAMES);
    int comparisons = 0;
    int dispatches = 0;
    int checks = 0;
    List<MethodNode> added = new ArrayList<>();
    for (MethodNode method : node.methods) {
      comparisons += replaceComparisons(method);
      checks += removeCallSiteChecks(method);
      if (EntrySwitchSplitter.isEntrySwitch(node, method)) {
        dispatches += EntrySwitchSplitter.split(node, method, added) ? 1 : 0;
      } else if (method.name.startsWith("call_indirect_")) {
        for (AbstractInsnNode insn : method.instructions.toArray()) {
          if (insn instanceof LookupSwitchInsnNode lookup && lookup.keys.size() > CHUNK) {
            splitDispatch(node, method, lookup, added);
            dispatches++;
          }
        }
      }
    }
    if (comparisons + dispatches + checks == 0) {
      return new Result(classFile, 0, 0, 0);
    }
    node.methods.addAll(added);
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    node.accept(writer);
    return new Result(writer.toByteArray(), comparisons, dispatches, checks);
  }

  /**
   * Removes the interruption checks that Chicory places before calls, keeping those at loop
   * back-edges (followed by a jump). Returns how many were removed.
   */
  private static int removeCallSiteChecks(MethodNode method) {
    int count = 0;
    for (AbstractInsnNode insn : method.instructions.toArray()) {
      if (insn instanceof MethodInsnNode call
          && call.getOpcode() == Opcodes.INVOKESTATIC
          && call.name.equals("checkInterruption")
          && call.desc.equals("()V")
          && call.owner.endsWith("Shaded")
          && !(next(call) instanceof JumpInsnNode)) {
        method.instructions.remove(call);
        count++;
      }
    }
    return count;
  }

  private static int replaceComparisons(MethodNode method) {
    int count = 0;
    for (AbstractInsnNode insn : method.instructions.toArray()) {
      if (insn instanceof MethodInsnNode call
          && call.getOpcode() == Opcodes.INVOKESTATIC
          && COMPARISONS.contains(call.name)
          && call.desc.equals(call.name.equals("I32_EQZ") ? "(I)I" : "(II)I")
          && (call.owner.equals(OPCODES) || call.owner.endsWith("Shaded"))) {
        method.instructions.insert(call, comparison(call.name));
        method.instructions.remove(call);
        count++;
      }
    }
    return count;
  }

  /**
   * Stack {@code a, b} (ints; {@code a} alone for {@code I32_EQZ}) to {@code 1} or {@code 0}
   * without an {@code int} comparison or a branch. Ordered comparisons: both operands widened to
   * longs (zero-extended for the unsigned ones), {@code b - a} (or {@code a - b}), its sign bit,
   * negated for the non-strict comparisons. Equality: {@code a ^ b} (or {@code a}) zero-extended,
   * minus one, whose sign bit is set only if it was zero; negated for {@code I32_NE}.
   */
  private static InsnList comparison(String name) {
    InsnList code = new InsnList();
    if (name.startsWith("I32_EQ") || name.equals("I32_NE")) {
      if (!name.equals("I32_EQZ")) {
        code.add(new InsnNode(Opcodes.IXOR));
      }
      widen(code, true);
      code.add(new InsnNode(Opcodes.LCONST_1));
      code.add(new InsnNode(Opcodes.LSUB));
      signBit(code, name.equals("I32_NE"));
      return code;
    }
    boolean unsigned = name.endsWith("_U") || name.endsWith("_u");
    boolean greater = name.startsWith("I32_GT") || name.startsWith("I32_LE");
    boolean negated =
        name.startsWith("I32_LE") || name.equalsIgnoreCase("I32_GE_U") || name.equals("I32_GE_S");
    widen(code, unsigned);
    code.add(new InsnNode(Opcodes.DUP2_X1));
    code.add(new InsnNode(Opcodes.POP2));
    widen(code, unsigned);
    code.add(new InsnNode(Opcodes.LSUB)); // b - a
    if (!greater) {
      code.add(new InsnNode(Opcodes.LNEG)); // a - b
    }
    signBit(code, negated);
    return code;
  }

  /** The {@code int} on top of the stack as a {@code long}, zero- or sign-extended. */
  private static void widen(InsnList code, boolean unsigned) {
    code.add(new InsnNode(Opcodes.I2L));
    if (unsigned) {
      code.add(new LdcInsnNode(0xFFFF_FFFFL));
      code.add(new InsnNode(Opcodes.LAND));
    }
  }

  /**
   * The sign bit of the {@code long} on top of the stack as an {@code int} 0 or 1, maybe flipped.
   */
  private static void signBit(InsnList code, boolean negated) {
    code.add(new IntInsnNode(Opcodes.BIPUSH, 63));
    code.add(new InsnNode(Opcodes.LUSHR));
    code.add(new InsnNode(Opcodes.L2I));
    if (negated) {
      code.add(new InsnNode(Opcodes.ICONST_1));
      code.add(new InsnNode(Opcodes.IXOR));
    }
  }

  /**
   * Replaces {@code lookup} (stack: the call's arguments, then the function id) and its case blocks
   * ({@code invokestatic func_N; return}) by a call to a new router method.
   */
  private static void splitDispatch(
      ClassNode owner, MethodNode method, LookupSwitchInsnNode lookup, List<MethodNode> added) {
    String targetDesc = null;
    String targetOwner = null;
    Map<Integer, String> targets = new TreeMap<>();
    List<AbstractInsnNode> caseCode = new ArrayList<>();
    for (int i = 0; i < lookup.keys.size(); i++) {
      LabelNode label = lookup.labels.get(i);
      AbstractInsnNode call = next(label);
      AbstractInsnNode ret = next(call);
      if (!(call instanceof MethodInsnNode invoke)
          || invoke.getOpcode() != Opcodes.INVOKESTATIC
          || !invoke.name.startsWith("func_")
          || (targetDesc != null && !invoke.desc.equals(targetDesc))
          || ret.getOpcode() != Type.getReturnType(invoke.desc).getOpcode(Opcodes.IRETURN)) {
        throw new IllegalStateException(
            "unexpected case code in " + owner.name + "." + method.name + ": not Chicory 1.7.5's");
      }
      targetDesc = invoke.desc;
      targetOwner = invoke.owner;
      targets.put(lookup.keys.get(i), invoke.name);
      for (AbstractInsnNode n = label; n != ret.getNext(); n = n.getNext()) {
        caseCode.add(n);
      }
    }
    List<AbstractInsnNode> trap = trapCode(owner, method, lookup.dflt);
    Type[] args = Type.getArgumentTypes(targetDesc);
    Type result = Type.getReturnType(targetDesc);
    Type[] withId = new Type[args.length + 1];
    System.arraycopy(args, 0, withId, 0, args.length);
    withId[args.length] = Type.INT_TYPE;
    String chunkDesc = Type.getMethodDescriptor(result, withId);

    TreeMap<Integer, Map<Integer, String>> buckets = new TreeMap<>();
    targets.forEach(
        (id, name) ->
            buckets.computeIfAbsent(id >>> CHUNK_SHIFT, b -> new TreeMap<>()).put(id, name));
    String base = method.name + "$";
    int lastBucket = buckets.lastKey();
    Map<Integer, String> chunkNames = new TreeMap<>();
    for (Map.Entry<Integer, Map<Integer, String>> bucket : buckets.entrySet()) {
      String name = base + "chunk" + bucket.getKey();
      chunkNames.put(bucket.getKey(), name);
      MethodNode chunk = newMethod(name, chunkDesc);
      Map<Integer, String> functions = bucket.getValue();
      int[] keys = functions.keySet().stream().mapToInt(Integer::intValue).toArray();
      LabelNode[] labels = new LabelNode[keys.length];
      LabelNode dflt = new LabelNode();
      for (int i = 0; i < keys.length; i++) {
        labels[i] = new LabelNode();
      }
      chunk.instructions.add(new VarInsnNode(Opcodes.ILOAD, slots(args)));
      chunk.instructions.add(new LookupSwitchInsnNode(dflt, keys, labels));
      for (int i = 0; i < keys.length; i++) {
        chunk.instructions.add(labels[i]);
        chunk.instructions.add(frame(withId));
        loadArguments(chunk.instructions, args);
        chunk.instructions.add(
            new MethodInsnNode(
                Opcodes.INVOKESTATIC, targetOwner, functions.get(keys[i]), targetDesc, false));
        chunk.instructions.add(new InsnNode(result.getOpcode(Opcodes.IRETURN)));
      }
      addTrap(chunk, dflt, withId, trap);
      added.add(chunk);
    }

    MethodNode router = newMethod(base + "route", chunkDesc);
    LabelNode dflt = new LabelNode();
    LabelNode[] labels = new LabelNode[lastBucket + 1];
    for (int b = 0; b <= lastBucket; b++) {
      labels[b] = chunkNames.containsKey(b) ? new LabelNode() : dflt;
    }
    router.instructions.add(new VarInsnNode(Opcodes.ILOAD, slots(args)));
    router.instructions.add(new IntInsnNode(Opcodes.BIPUSH, CHUNK_SHIFT));
    router.instructions.add(new InsnNode(Opcodes.IUSHR));
    router.instructions.add(new TableSwitchInsnNode(0, lastBucket, dflt, labels));
    for (Map.Entry<Integer, String> chunk : chunkNames.entrySet()) {
      router.instructions.add(labels[chunk.getKey()]);
      router.instructions.add(frame(withId));
      loadArguments(router.instructions, withId);
      router.instructions.add(
          new MethodInsnNode(Opcodes.INVOKESTATIC, owner.name, chunk.getValue(), chunkDesc, false));
      router.instructions.add(new InsnNode(result.getOpcode(Opcodes.IRETURN)));
    }
    addTrap(router, dflt, withId, trap);
    added.add(router);

    // The switch becomes "return route(arguments..., funcId)"; its case blocks are now dead code.
    InsnList call = new InsnList();
    call.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner.name, router.name, chunkDesc, false));
    call.add(new InsnNode(result.getOpcode(Opcodes.IRETURN)));
    method.instructions.insert(lookup, call);
    method.instructions.remove(lookup);
    for (AbstractInsnNode n : caseCode) {
      method.instructions.remove(n);
    }
  }

  /** The default block of the switch: {@code invokestatic <trap>()RuntimeException; athrow}. */
  private static List<AbstractInsnNode> trapCode(
      ClassNode owner, MethodNode method, LabelNode dflt) {
    AbstractInsnNode call = next(dflt);
    AbstractInsnNode thrown = next(call);
    if (!(call instanceof MethodInsnNode invoke)
        || invoke.getOpcode() != Opcodes.INVOKESTATIC
        || !invoke.desc.startsWith("()")
        || thrown.getOpcode() != Opcodes.ATHROW) {
      throw new IllegalStateException(
          "unexpected default case in " + owner.name + "." + method.name + ": not Chicory 1.7.5's");
    }
    return List.of(call, thrown);
  }

  private static void addTrap(
      MethodNode target, LabelNode label, Type[] locals, List<AbstractInsnNode> trap) {
    target.instructions.add(label);
    target.instructions.add(frame(locals));
    for (AbstractInsnNode insn : trap) {
      target.instructions.add(insn.clone(Map.of()));
    }
  }

  /** The next instruction after {@code insn}, skipping labels, frames and line numbers. */
  private static AbstractInsnNode next(AbstractInsnNode insn) {
    AbstractInsnNode n = insn.getNext();
    while (n != null && n.getOpcode() < 0) {
      n = n.getNext();
    }
    if (n == null) {
      throw new IllegalStateException("code ends after a switch case");
    }
    return n;
  }

  private static MethodNode newMethod(String name, String desc) {
    return new MethodNode(
        Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, name, desc, null, null);
  }

  /** An expanded frame whose locals are exactly the method's arguments and whose stack is empty. */
  static FrameNode frame(Type[] arguments) {
    Object[] locals = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      locals[i] =
          switch (arguments[i].getSort()) {
            case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
            case Type.LONG -> Opcodes.LONG;
            case Type.FLOAT -> Opcodes.FLOAT;
            case Type.DOUBLE -> Opcodes.DOUBLE;
            default -> arguments[i].getInternalName();
          };
    }
    return new FrameNode(Opcodes.F_NEW, locals.length, locals, 0, new Object[0]);
  }

  static void loadArguments(InsnList code, Type[] arguments) {
    int slot = 0;
    for (Type argument : arguments) {
      code.add(new VarInsnNode(argument.getOpcode(Opcodes.ILOAD), slot));
      slot += argument.getSize();
    }
  }

  private static int slots(Type[] arguments) {
    int slots = 0;
    for (Type argument : arguments) {
      slots += argument.getSize();
    }
    return slots;
  }
}
