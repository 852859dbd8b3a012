package org.wasmdbms.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wasmdbms.api.error.MemoryException;

class HeapMemoryProviderTest extends MemoryProviderContractTest {
  @Override
  protected MemoryProvider newProvider() {
    return new HeapMemoryProvider();
  }

  @Override
  protected MemoryProvider reopen(MemoryProvider provider) {
    return provider;
  }

  @Test
  void growsPastTwoGibibytesWithoutAllocatingUnwrittenPages() {
    HeapMemoryProvider p = new HeapMemoryProvider();
    long pages = (1L << 31) / MemoryProvider.PAGE_SIZE + 2;
    assertEquals(0, p.grow(pages));
    long offset = p.size() - MemoryProvider.PAGE_SIZE - 3;
    byte[] data = {1, 2, 3, 4, 5, 6};
    p.write(offset, data);
    byte[] read = new byte[6];
    p.read(offset, read);
    assertArrayEquals(data, read);
    p.close();
  }

  @Test
  void pageLimitGivesOutOfSpace() {
    HeapMemoryProvider p = new HeapMemoryProvider(2);
    p.grow(2);
    MemoryException e = assertThrows(MemoryException.class, () -> p.grow(1));
    assertEquals(true, e.detail().startsWith("out of space"));
    assertEquals(2, p.pages());
    assertThrows(MemoryException.class, () -> new HeapMemoryProvider(-1));
  }
}
