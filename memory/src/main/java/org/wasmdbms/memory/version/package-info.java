/**
 * Versions of a provider's content for readers on snapshots: {@link
 * org.wasmdbms.memory.version.VersionedMemoryProvider} keeps the bytes each commit overwrites as
 * long as a pinned snapshot needs them. See {@code docs/concurrency.md}.
 */
package org.wasmdbms.memory.version;
