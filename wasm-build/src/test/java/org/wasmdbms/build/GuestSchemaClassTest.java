package org.wasmdbms.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class GuestSchemaClassTest {
  @TempDir Path dir;

  @Test
  void writesAGuestSchemaReturningTheDispatchersInstanceAndItsServicesFile() throws Exception {
    GuestSchemaClass.write("com.example.BooksSchemaDispatcher", dir);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertEquals(List.of(GuestSchemaClass.NAME), GuestBinding.implementations(loader));
    }
    ClassReader reader =
        new ClassReader(
            Files.readAllBytes(dir.resolve(GuestSchemaClass.NAME.replace('.', '/') + ".class")));
    assertArrayEquals(new String[] {"org/wasmdbms/guest/GuestSchema"}, reader.getInterfaces());
    List<String> reads = new ArrayList<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            String method = name + descriptor;
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public void visitFieldInsn(int opcode, String owner, String field, String type) {
                reads.add(method + " " + owner + "." + field + " " + type);
              }
            };
          }
        },
        0);
    assertEquals(
        List.of(
            "dispatcher()Lorg/wasmdbms/engine/typed/SchemaDispatcher;"
                + " com/example/BooksSchemaDispatcher.INSTANCE Lcom/example/BooksSchemaDispatcher;"),
        reads);
  }

  @Test
  void findsTheClassesThatExtendSchemaDispatcher() throws Exception {
    classFile("com/example/BooksSchemaDispatcher", "org/wasmdbms/engine/typed/SchemaDispatcher");
    classFile("com/example/Book", "java/lang/Record");
    assertEquals(List.of("com.example.BooksSchemaDispatcher"), GuestSchemaClass.dispatchers(dir));
    assertEquals(List.of(), GuestSchemaClass.dispatchers(dir.resolve("missing")));
  }

  private void classFile(String name, String superName) throws Exception {
    ClassWriter out = new ClassWriter(0);
    out.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, superName, null);
    out.visitEnd();
    Path file = dir.resolve(name + ".class");
    Files.createDirectories(file.getParent());
    Files.write(file, out.toByteArray());
  }
}
