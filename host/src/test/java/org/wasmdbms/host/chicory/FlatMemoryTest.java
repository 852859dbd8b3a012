package org.wasmdbms.host.chicory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmRuntimeException;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The host's one-array memory reads and writes what Chicory's paged {@link ByteArrayMemory} does
 * (both driven by the same seeded operations, across page boundaries too), and traps where it
 * traps: an access that starts below zero or ends past the memory.
 */
class FlatMemoryTest {
  private static final int PAGES = 3;

  @Test
  void readsAndWritesLikeChicorysMemory() {
    Memory flat = new FlatMemory(new MemoryLimits(PAGES, 8));
    Memory paged = new ByteArrayMemory(new MemoryLimits(PAGES, 8));
    Random random = new Random(30);
    int size = PAGES * Memory.PAGE_SIZE;
    for (int i = 0; i < 20_000; i++) {
      // Near a page boundary half of the time, where the paged memory splits an access.
      int address =
          random.nextBoolean()
              ? (1 + random.nextInt(PAGES - 1)) * Memory.PAGE_SIZE - random.nextInt(8)
              : random.nextInt(size - 8);
      long value = random.nextLong();
      int source = random.nextInt(size - 64);
      switch (random.nextInt(6)) {
        case 0 -> both(flat, paged, m -> m.writeByte(address, (byte) value));
        case 1 -> both(flat, paged, m -> m.writeShort(address, (short) value));
        case 2 -> both(flat, paged, m -> m.writeI32(address, (int) value));
        case 3 -> both(flat, paged, m -> m.writeLong(address, value));
        case 4 -> both(flat, paged, m -> m.fill((byte) value, address, address + 7));
        default -> both(flat, paged, m -> m.copy(Math.min(address, size - 64), source, 64));
      }
      int at = random.nextInt(size - 8);
      assertEquals(paged.readLong(at), flat.readLong(at));
      assertEquals(paged.readInt(at), flat.readInt(at));
      assertEquals(paged.readU16(at), flat.readU16(at));
      assertEquals(paged.readShort(at), flat.readShort(at));
      assertEquals(paged.read(at), flat.read(at));
      assertEquals(paged.readF64(at), flat.readF64(at));
      assertEquals(paged.readF32(at), flat.readF32(at));
    }
    assertArrayEquals(paged.readBytes(0, size), flat.readBytes(0, size));
  }

  private static void both(Memory a, Memory b, Consumer<Memory> write) {
    write.accept(a);
    write.accept(b);
  }

  @Test
  void anAccessOutsideTheMemoryTraps() {
    Memory memory = new FlatMemory(new MemoryLimits(1, 2));
    int end = Memory.PAGE_SIZE;
    List<Consumer<Memory>> accesses =
        List.of(
            m -> m.read(end),
            m -> m.read(-1),
            m -> m.writeByte(end, (byte) 1),
            m -> m.readShort(end - 1),
            m -> m.writeShort(end - 1, (short) 1),
            m -> m.readInt(end - 3),
            m -> m.readInt(Integer.MIN_VALUE),
            m -> m.writeI32(end - 2, 1),
            m -> m.readLong(end - 7),
            m -> m.writeLong(-8, 1),
            m -> m.readFloat(end - 2),
            m -> m.readDouble(end - 4),
            m -> m.fill((byte) 1, end - 1, end + 1),
            m -> m.copy(end - 4, 0, 8),
            m -> m.copy(0, end - 4, 8),
            m -> m.readBytes(end - 4, 8),
            m -> m.write(end - 4, new byte[8], 0, 8));
    for (Consumer<Memory> access : accesses) {
      assertThrows(WasmRuntimeException.class, () -> access.accept(memory));
    }
    memory.writeLong(end - 8, -1);
    assertEquals(-1, memory.readLong(end - 8));
  }

  @Test
  void growingKeepsTheContentAndStopsAtTheMaximum() {
    Memory memory = new FlatMemory(new MemoryLimits(1, 3));
    memory.writeI32(Memory.PAGE_SIZE - 4, 0x12345678);
    assertEquals(1, memory.grow(1));
    assertEquals(2, memory.pages());
    assertEquals(0x12345678, memory.readInt(Memory.PAGE_SIZE - 4));
    memory.writeLong(Memory.PAGE_SIZE - 4, 7);
    assertEquals(7, memory.readLong(Memory.PAGE_SIZE - 4));
    assertEquals(-1, memory.grow(2));
    assertEquals(2, memory.grow(1));
    assertEquals(-1, memory.grow(1));
    assertEquals(3, memory.pages());
    assertThrows(WasmRuntimeException.class, () -> memory.read(3 * Memory.PAGE_SIZE));
  }

  @Test
  void sharedMemoryIsRefused() {
    assertThrows(WasmRuntimeException.class, () -> new FlatMemory(new MemoryLimits(1, 2, true)));
  }
}
