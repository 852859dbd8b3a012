package org.wasmdbms.host.chicory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Splits Chicory 1.7.5's other two dispatch methods under HotSpot's huge-method limit: the exports'
 * entry switch ({@code …Dispatch_N.call_dispatch_N}, one case per function, taken once per call
 * from the host) and the out-of-line {@code call_indirect} switch of a large function type ({@code
 * …Indirect_T_N.apply}, taken by every TeaVM virtual call of that type). Both are a static method
 * whose code is: loads of its arguments, the last one the function id; a switch on it; and case
 * blocks that each run straight to a {@code return} or {@code athrow} using only the arguments and
 * what the loads pushed.
 *
 * <p>The method keeps its name and descriptor and becomes a router: a {@code tableswitch} on {@code
 * id >>> 7} that calls one of several chunk methods with the same descriptor. A chunk is a copy of
 * the original code for the ids of one bucket of {@value ChicoryBytecodeRewriter#CHUNK}: the same
 * loads, a {@code tableswitch} over the bucket, the case blocks those ids reach and the original
 * default block. An id in no case (negative, past the last bucket or in a gap) reaches that default
 * block, as before.
 *
 * <p>Stateless.
 */
final class EntrySwitchSplitter {
  private static final int CHUNK = ChicoryBytecodeRewriter.CHUNK;
  private static final int CHUNK_SHIFT = Integer.numberOfTrailingZeros(CHUNK);

  private EntrySwitchSplitter() {}

  /** Whether {@code method} is one of the dispatch methods this class splits. */
  static boolean isEntrySwitch(ClassNode owner, MethodNode method) {
    return method.name.startsWith("call_dispatch_")
        || (method.name.equals("apply") && owner.name.contains("Indirect_"));
  }

  /**
   * Splits {@code method} if its switch has more than {@value ChicoryBytecodeRewriter#CHUNK} cases;
   * the chunks are added to {@code added}.
   *
   * @return whether it was split
   * @throws IllegalStateException if a switch that large does not have the shape above
   */
  static boolean split(ClassNode owner, MethodNode method, List<MethodNode> added) {
    AbstractInsnNode sw = null;
    for (AbstractInsnNode insn : method.instructions) {
      if (insn instanceof TableSwitchInsnNode || insn instanceof LookupSwitchInsnNode) {
        sw = insn;
        break;
      }
    }
    Map<Integer, LabelNode> cases = sw == null ? Map.of() : cases(sw);
    if (cases.size() <= CHUNK) {
      return false;
    }
    String where = owner.name + "." + method.name;
    if ((method.access & Opcodes.ACC_STATIC) == 0 || !method.tryCatchBlocks.isEmpty()) {
      throw unexpected(where);
    }
    Type[] arguments = Type.getArgumentTypes(method.desc);
    List<AbstractInsnNode> loads = new ArrayList<>();
    for (AbstractInsnNode n = method.instructions.getFirst(); n != sw; n = n.getNext()) {
      if (n.getOpcode() < 0) {
        continue;
      }
      if (!(n instanceof VarInsnNode load && isLoad(load.getOpcode()))) {
        throw unexpected(where);
      }
      loads.add(n);
    }
    if (loads.isEmpty()
        || !(loads.get(loads.size() - 1) instanceof VarInsnNode id)
        || id.getOpcode() != Opcodes.ILOAD) {
      throw unexpected(where);
    }
    LabelNode dflt =
        sw instanceof TableSwitchInsnNode t ? t.dflt : ((LookupSwitchInsnNode) sw).dflt;

    TreeMap<Integer, Map<Integer, LabelNode>> buckets = new TreeMap<>();
    cases.forEach(
        (key, label) -> {
          if (key < 0) {
            throw unexpected(where);
          }
          buckets.computeIfAbsent(key >>> CHUNK_SHIFT, b -> new TreeMap<>()).put(key, label);
        });
    Map<Integer, String> chunks = new TreeMap<>();
    for (Map.Entry<Integer, Map<Integer, LabelNode>> bucket : buckets.entrySet()) {
      String name = method.name + "$chunk" + bucket.getKey();
      added.add(chunk(method, name, loads, bucket.getValue(), dflt, where));
      chunks.put(bucket.getKey(), name);
    }

    // The method itself becomes the router.
    int lastBucket = buckets.lastKey();
    String first = chunks.get(buckets.firstKey());
    LabelNode otherwise = new LabelNode();
    LabelNode[] labels = new LabelNode[lastBucket + 1];
    InsnList router = new InsnList();
    for (int b = 0; b <= lastBucket; b++) {
      labels[b] = chunks.containsKey(b) ? new LabelNode() : otherwise;
    }
    router.add(new VarInsnNode(Opcodes.ILOAD, id.var));
    router.add(new IntInsnNode(Opcodes.BIPUSH, CHUNK_SHIFT));
    router.add(new InsnNode(Opcodes.IUSHR));
    router.add(new TableSwitchInsnNode(0, lastBucket, otherwise, labels));
    for (Map.Entry<Integer, String> chunk : chunks.entrySet()) {
      router.add(labels[chunk.getKey()]);
      callChunk(router, owner, method, arguments, chunk.getValue());
    }
    // Any other id: the first chunk reaches the original default block for it.
    router.add(otherwise);
    callChunk(router, owner, method, arguments, first);
    method.instructions.clear();
    method.instructions.add(router);
    method.localVariables = null;
    return true;
  }

  /** The cases of a switch by key; a table switch's gaps (its default label) are left out. */
  private static Map<Integer, LabelNode> cases(AbstractInsnNode sw) {
    Map<Integer, LabelNode> cases = new LinkedHashMap<>();
    if (sw instanceof TableSwitchInsnNode table) {
      for (int i = 0; i < table.labels.size(); i++) {
        if (table.labels.get(i) != table.dflt) {
          cases.put(table.min + i, table.labels.get(i));
        }
      }
    } else {
      LookupSwitchInsnNode lookup = (LookupSwitchInsnNode) sw;
      for (int i = 0; i < lookup.keys.size(); i++) {
        cases.put(lookup.keys.get(i), lookup.labels.get(i));
      }
    }
    return cases;
  }

  /** A copy of the original code for the ids of one bucket. */
  private static MethodNode chunk(
      MethodNode method,
      String name,
      List<AbstractInsnNode> loads,
      Map<Integer, LabelNode> cases,
      LabelNode dflt,
      String where) {
    MethodNode chunk =
        new MethodNode(
            Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
            name,
            method.desc,
            null,
            null);
    Map<LabelNode, LabelNode> copies = new HashMap<>();
    for (AbstractInsnNode n : method.instructions) {
      if (n instanceof LabelNode label) {
        copies.put(label, new LabelNode());
      }
    }
    int base = cases.keySet().iterator().next() & -CHUNK;
    LabelNode[] labels = new LabelNode[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      LabelNode target = cases.get(base + i);
      labels[i] = copies.get(target == null ? dflt : target);
    }
    for (AbstractInsnNode load : loads) {
      chunk.instructions.add(load.clone(copies));
    }
    chunk.instructions.add(
        new TableSwitchInsnNode(base, base + CHUNK - 1, copies.get(dflt), labels));
    List<LabelNode> blocks = new ArrayList<>(new LinkedHashSet<>(cases.values()));
    if (!blocks.contains(dflt)) {
      blocks.add(dflt);
    }
    for (LabelNode block : blocks) {
      copyBlock(block, copies, chunk.instructions, where);
    }
    return chunk;
  }

  /** Copies the code from {@code label} through the first return or throw. */
  private static void copyBlock(
      LabelNode label, Map<LabelNode, LabelNode> copies, InsnList to, String where) {
    for (AbstractInsnNode n = label; n != null; n = n.getNext()) {
      if (n instanceof JumpInsnNode
          || n instanceof TableSwitchInsnNode
          || n instanceof LookupSwitchInsnNode
          || (n instanceof VarInsnNode var && !isLoad(var.getOpcode()))
          || (n != label && n instanceof LabelNode)) {
        throw unexpected(where);
      }
      to.add(n.clone(copies));
      int op = n.getOpcode();
      if (op == Opcodes.ATHROW || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)) {
        return;
      }
    }
    throw unexpected(where);
  }

  private static void callChunk(
      InsnList code, ClassNode owner, MethodNode method, Type[] arguments, String chunk) {
    code.add(ChicoryBytecodeRewriter.frame(arguments));
    ChicoryBytecodeRewriter.loadArguments(code, arguments);
    code.add(new MethodInsnNode(Opcodes.INVOKESTATIC, owner.name, chunk, method.desc, false));
    code.add(new InsnNode(Type.getReturnType(method.desc).getOpcode(Opcodes.IRETURN)));
  }

  private static boolean isLoad(int opcode) {
    return opcode >= Opcodes.ILOAD && opcode <= Opcodes.ALOAD;
  }

  private static IllegalStateException unexpected(String where) {
    return new IllegalStateException(
        "unexpected dispatch code in " + where + ": not Chicory 1.7.5's");
  }
}
