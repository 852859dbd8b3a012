/**
 * The paged storage layer on a {@link org.wasmdbms.memory.MemoryProvider}: the file header and free
 * list ({@link org.wasmdbms.memory.page.Pager}), slotted table pages with overflow chains ({@link
 * org.wasmdbms.memory.page.RecordStore}) and the schema registry ({@link
 * org.wasmdbms.memory.page.Catalog}). The format is described field by field in {@code
 * docs/file-format.md} and in the Javadoc of each writing class. Guest-safe.
 */
package org.wasmdbms.memory.page;
