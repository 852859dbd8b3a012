/**
 * Bounds-checked little-endian byte buffers and a strict UTF-8 codec: the building blocks of every
 * binary format in the engine. Reads never trust a length or offset taken from the input; a
 * violation is a {@link org.wasmdbms.api.error.MemoryException}, never an array exception.
 */
package org.wasmdbms.api.bytes;
