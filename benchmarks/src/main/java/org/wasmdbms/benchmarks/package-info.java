/**
 * JMH benchmarks. {@link org.wasmdbms.benchmarks.DurableCommitBenchmark} measures single-row
 * durable commits per second on a journaled database; {@link
 * org.wasmdbms.benchmarks.RawFsyncBenchmark} measures the same disk's raw write-and-force rate, the
 * floor any durable commit pays. How to run them and the measured numbers are in {@code
 * docs/durability.md}.
 */
package org.wasmdbms.benchmarks;
