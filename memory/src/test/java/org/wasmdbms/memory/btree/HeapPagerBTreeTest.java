package org.wasmdbms.memory.btree;

import org.wasmdbms.memory.HeapMemoryProvider;
import org.wasmdbms.memory.PageStore;
import org.wasmdbms.memory.page.Pager;

/**
 * The B+ tree suite on the real {@link Pager} over the heap provider; "reopen" opens a second pager
 * on the same memory, so the trees are read back from the pages alone.
 */
class HeapPagerBTreeTest extends AbstractBTreeTest {
  private final HeapMemoryProvider memory = new HeapMemoryProvider();

  @Override
  protected PageStore newStore() {
    return Pager.open(memory);
  }

  @Override
  protected PageStore reopen(PageStore store) {
    return Pager.open(memory);
  }
}
