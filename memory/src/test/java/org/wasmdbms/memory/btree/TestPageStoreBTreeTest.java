package org.wasmdbms.memory.btree;

import org.wasmdbms.memory.PageStore;

/** The B+ tree suite on the in-test page store. */
class TestPageStoreBTreeTest extends AbstractBTreeTest {
  @Override
  protected PageStore newStore() {
    return new TestPageStore();
  }

  @Override
  protected long livePages(PageStore store) {
    return store instanceof TestPageStore test ? test.livePages() : -1;
  }
}
