/** Tiny programs that the guard must reject, proving that its checks can fail. */
package org.wasmdbms.guard.probes;
