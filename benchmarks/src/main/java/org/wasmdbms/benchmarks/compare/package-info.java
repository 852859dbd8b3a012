/**
 * Side-by-side benchmarks: the same {@link org.wasmdbms.benchmarks.compare.Workload workloads} on
 * every {@link org.wasmdbms.benchmarks.compare.Contestant contestant} (this engine on the heap and
 * on a file, the guest through the Java host, H2, SQLite through xerial, sqlite4j), through one JMH
 * benchmark ({@link org.wasmdbms.benchmarks.compare.CompareBenchmark}) whose parameter names the
 * pair, run by {@link org.wasmdbms.benchmarks.compare.SuiteRunner}. {@code ./run-benchmarks} at the
 * repository root runs the whole set and writes {@code docs/benchmarks.md}.
 */
package org.wasmdbms.benchmarks.compare;
