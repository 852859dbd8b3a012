/**
 * Deterministic generators and smoke scenarios. The same scenario runs in the JVM tests and, via
 * the TeaVM guard, compiled to WebAssembly; their printed output must match line for line, so
 * scenarios print ASCII only and never depend on hash order, time or {@code java.util.Random}.
 */
package org.wasmdbms.testkit;
