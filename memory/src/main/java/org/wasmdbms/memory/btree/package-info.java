/**
 * An on-disk B+ tree over a {@link org.wasmdbms.memory.PageStore}: one node per 64 KiB page, keys
 * and values are byte strings ordered as unsigned bytes, in unique or non-unique mode. {@link
 * org.wasmdbms.memory.btree.BTree} is the entry point; {@link
 * org.wasmdbms.memory.btree.BTreeCursor} reads ranges lazily in either direction. Guest-safe: no
 * recursion, every offset and length read from a page is validated before use.
 */
package org.wasmdbms.memory.btree;
