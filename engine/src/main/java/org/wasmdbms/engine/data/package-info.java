/**
 * The data access seam between the engine's logic and its storage: {@link
 * org.wasmdbms.engine.data.TableData} is implemented by the committed storage and by each
 * transaction's overlay, so writes and queries are written once for both.
 */
package org.wasmdbms.engine.data;
