/** JMH benchmarks and a footprint probe for the detection engine; see vigil-bench/results/engine-bench.md. */
package io.vigil.bench.engine;
