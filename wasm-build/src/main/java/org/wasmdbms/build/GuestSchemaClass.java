package org.wasmdbms.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Binds a guest to a schema that has no hand-written {@code GuestSchema}: finds the dispatcher the
 * annotation processor generated for a {@code @DatabaseSchema} ({@code <Schema>Dispatcher}, a
 * subclass of {@code SchemaDispatcher} with a static {@code INSTANCE}) and writes the one-line
 * {@code GuestSchema} that returns it, with its services file, for {@link GuestBinding} to find.
 * Stateless.
 */
public final class GuestSchemaClass {
  /** The class this writes, in the guest runtime's namespace so that it clashes with no schema. */
  public static final String NAME = "org.wasmdbms.guest.bound.BoundGuestSchema";

  private static final String DISPATCHER = "org/wasmdbms/engine/typed/SchemaDispatcher";
  private static final String GUEST_SCHEMA = "org/wasmdbms/guest/GuestSchema";

  private GuestSchemaClass() {}

  /**
   * The generated dispatchers among the classes under {@code classes}: every class whose direct
   * superclass is {@code SchemaDispatcher}, as binary names, sorted.
   */
  public static List<String> dispatchers(Path classes) throws IOException {
    List<String> found = new ArrayList<>();
    if (!Files.isDirectory(classes)) {
      return found;
    }
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        if (!file.toString().endsWith(".class")) {
          continue;
        }
        try (InputStream in = Files.newInputStream(file)) {
          ClassReader reader = new ClassReader(in);
          if (DISPATCHER.equals(reader.getSuperName())) {
            found.add(reader.getClassName().replace('/', '.'));
          }
        }
      }
    }
    return found;
  }

  /**
   * Writes {@link #NAME}, whose {@code dispatcher()} returns {@code <dispatcher>.INSTANCE}, and
   * {@code META-INF/services/org.wasmdbms.guest.GuestSchema} naming it, under {@code root}.
   */
  public static void write(String dispatcher, Path root) throws IOException {
    String internal = dispatcher.replace('.', '/');
    String self = NAME.replace('.', '/');
    ClassWriter out = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    out.visit(
        Opcodes.V17,
        Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
        self,
        null,
        "java/lang/Object",
        new String[] {GUEST_SCHEMA});
    MethodVisitor init = out.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor get =
        out.visitMethod(Opcodes.ACC_PUBLIC, "dispatcher", "()L" + DISPATCHER + ";", null, null);
    get.visitCode();
    get.visitFieldInsn(Opcodes.GETSTATIC, internal, "INSTANCE", "L" + internal + ";");
    get.visitInsn(Opcodes.ARETURN);
    get.visitMaxs(0, 0);
    get.visitEnd();
    out.visitEnd();
    Path file = root.resolve(self + ".class");
    Files.createDirectories(file.getParent());
    Files.write(file, out.toByteArray());
    Path services = root.resolve("META-INF/services/" + GuestBinding.GUEST_SCHEMA);
    Files.createDirectories(services.getParent());
    Files.writeString(services, NAME + "\n", StandardCharsets.UTF_8);
  }
}
