package org.wasmdbms.teavm;

import org.teavm.interop.Address;
import org.teavm.interop.Unmanaged;
import org.teavm.runtime.Mutator;

/**
 * Mends the table through which TeaVM 0.13.1's garbage collector finds the static fields that hold
 * Java objects. Every TeaVM-compiled program of this project calls {@link #repair()} before it
 * allocates anything that could start a collection.
 *
 * <p><b>The table as TeaVM 0.13.1's WebAssembly backend writes it</b> (in the module's data, at the
 * address {@code Mutator.getStaticGCRoots()} returns; all little-endian):
 *
 * <ul>
 *   <li>offset 0, 8 bytes: {@code n}, the number of static fields of a reference type;
 *   <li>offset 8, {@code n} times 4 bytes: the address of each such field.
 * </ul>
 *
 * <p><b>The table as its collector reads it</b> ({@code GC.markFromStaticFields} and {@code
 * GC.updatePointersFromStaticRoots}): a 4-byte count at offset 0 and the field addresses from
 * offset 4. So it takes the count's upper half (0) for the first field and never reads the last
 * one. That last field is neither marked nor updated: once its object moves, the field keeps the
 * old address, and whatever the program later stores from it points into free memory that the
 * allocator hands out again. In the example guest that field was {@code TreeSet}'s shared
 * placeholder value; every tree-set entry created after the first compacting collection pointed at
 * a dead object, and a later collection hung or read outside memory.
 *
 * <p><b>The repair</b> moves the {@code n} addresses four bytes down, so that they start at offset
 * 4 where the collector looks; the count's lower half stays. Offset 4 then holds the first field's
 * address, never 0, which is how a second call (and a TeaVM that writes the table as its collector
 * reads it) is recognised and left alone. The last four bytes of the old table are no longer read.
 *
 * <p>Single-threaded, like TeaVM's WebAssembly runtime.
 */
public final class StaticRootTable {
  private static final int COUNT_UPPER_HALF = 4;
  private static final int FIRST_ADDRESS = 8;

  private StaticRootTable() {}

  /**
   * Makes the collector see every static root. Idempotent and cheap after the first call; it
   * allocates nothing, so it can run before anything else.
   */
  @Unmanaged
  public static void repair() {
    Address table = Mutator.getStaticGCRoots();
    int count = table.getInt();
    if (count <= 0 || table.add(COUNT_UPPER_HALF).getInt() != 0) {
      return;
    }
    for (int i = 0; i < count; i++) {
      int fieldAddress = table.add(FIRST_ADDRESS + 4 * i).getInt();
      table.add(COUNT_UPPER_HALF + 4 * i).putInt(fieldAddress);
    }
  }
}
