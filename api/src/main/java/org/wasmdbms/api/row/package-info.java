/** Rows as lists of named values, the unit of data that crosses the engine's interface. */
package org.wasmdbms.api.row;
