/**
 * How the host prepares the JVM classes Chicory compiles a guest to (docs/host.md, "How Chicory
 * runs the guest"): {@link org.wasmdbms.host.chicory.ChicoryBytecodeRewriter} removes the unsigned
 * comparisons that JDK 17's C2 can miscompile (JDK-8376400) and splits {@code call_indirect}
 * dispatches too large for the JIT, for build-time compiled classes (its {@code main}, run after
 * {@code chicory-compiler-maven-plugin}) and run-time compiled ones ({@link
 * org.wasmdbms.host.chicory.RewritingCompiler}, which every run-time compiled {@link
 * org.wasmdbms.host.GuestModule} goes through). ASM only; no TeaVM.
 */
package org.wasmdbms.host.chicory;
