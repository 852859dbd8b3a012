/**
 * Keeps a guest inside the host directory preopened for it: {@link
 * org.wasmdbms.host.sandbox.SandboxedWasi} is Chicory's WASI preview 1 given a view of that
 * directory through a {@link java.nio.file.FileSystem} that refuses every path which leaves it (see
 * {@code DirectorySandbox} for what is refused and how), with those refusals reported to the guest
 * as WASI {@code notcapable}.
 */
package org.wasmdbms.host.sandbox;
