/**
 * JMH benchmarks of this engine alone. {@link org.wasmdbms.benchmarks.DurableCommitBenchmark}
 * measures single-row durable commits per second on a journaled database; {@link
 * org.wasmdbms.benchmarks.RawFsyncBenchmark} measures the same disk's raw write-and-force rate, the
 * floor any durable commit pays; {@link org.wasmdbms.benchmarks.IndexedReadBenchmark} measures key
 * and indexed range reads at 10,000 and 1,000,000 rows. {@link
 * org.wasmdbms.benchmarks.BenchmarkFiles} places their files. The side-by-side comparison with
 * other databases is in {@code org.wasmdbms.benchmarks.compare}, its report in {@code
 * org.wasmdbms.benchmarks.report}; {@code docs/benchmarks.md} says how to run them.
 */
package org.wasmdbms.benchmarks;
