package io.vigil.detection.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.detection.DetectionSettings;
import io.vigil.detection.internal.RegistryView.SensorEntry;
import io.vigil.engine.runtime.PartitionedRunner;
import io.vigil.registry.Thresholds;

import org.junit.jupiter.api.Test;

/**
 * Not a test (no assertion, not matched by {@code *Tests}): measures the heap the default rules of N sensors
 * take, compiled and with their engine states, and how long compiling and merging take. Run with
 * {@code mvn -q -o -pl vigil-server -am test -Dexec.skip=true -Dtest=RuleFootprint -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfootprint.sensors=100000}.
 */
class RuleFootprint {

	static final DetectionSettings SETTINGS = new DetectionSettings(true, 2, 10_000, 100_000, Duration.ofSeconds(10), 10_000,
			Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMinutes(5), 3, Duration.ofMinutes(30));

	/** Sensors as the ingest benchmark seeds them: combustible gas, one enterprise, no asset. */
	static List<SensorEntry> sensors(String prefix, long firstId, int n) {
		Thresholds gas = new Thresholds(25.0, 50.0, null, null);
		List<SensorEntry> list = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			// fresh strings and boxes per row, as a JDBC result set gives them
			list.add(new SensorEntry(firstId + i, fresh(prefix + i), 1, fresh("bench-ent"), null, null, null,
					fresh("hazchem"), fresh("combustible_gas"), fresh("%LEL"), 86400, Double.valueOf(0.0), Double.valueOf(100.0),
					new Thresholds(Double.valueOf(25.0), Double.valueOf(50.0), null, null), gas, null, null));
		}
		return list;
	}

	private static String fresh(String s) {
		return new String(s.toCharArray());
	}

	@Test
	void measure() throws Exception {
		int n = Integer.getInteger("footprint.sensors", 100_000);
		RuleCompiler compiler = new RuleCompiler(null, null, SETTINGS, Clock.systemUTC());
		long base = used();
		RegistryView.Contents contents = new RegistryView.Contents(sensors("b1234-", 1, n), Map.of());
		long t0 = System.nanoTime();
		Compiled compiled = compiler.compile(contents, Map.of());
		long compileMs = (System.nanoTime() - t0) / 1_000_000;
		contents = null;
		long afterCompile = used();
		PartitionedRunner runner = new PartitionedRunner(compiled.engineBook(), o -> { }, Clock.systemUTC(), 2, 10_000);
		compiled.sensorKeys().forEach(runner::register);
		runner.flush();
		long afterState = used();
		System.out.printf("footprint: %d sensors, compile %d ms, compiled rules %d B/sensor, engine states %d B/sensor, total %d B/sensor%n",
				n, compileMs, (afterCompile - base) / n, (afterState - afterCompile) / n, (afterState - base) / n);
		Compiled merged = compiled;
		long mergeMs = 0;
		for (int round = 0; round < 5; round++) {
			long t1 = System.nanoTime();
			merged = compiler.update(merged, sensors("c" + round + "-", n + 1 + 1_000L * round, 1_000), Map.of());
			mergeMs = (System.nanoTime() - t1) / 1_000_000; // the last, warm
		}
		long t2 = System.nanoTime();
		Compiled bulk = compiler.update(merged, sensors("d1234-", 2L * n, n), Map.of());
		long bulkMs = (System.nanoTime() - t2) / 1_000_000;
		System.out.printf("footprint: merging 1,000 new sensors into %d (5th time, warm): %d ms; %d new sensors at once: %d ms; %d rule ids for %d sensors%n",
				n, mergeMs, n, bulkMs, bulk.rules().size(), bulk.codesById().size());
		runner.close();
		System.out.println("keep " + compiled.subjects().size() + merged.subjects().size());
	}

	static long used() throws InterruptedException {
		Runtime rt = Runtime.getRuntime();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			used = Math.min(used, rt.totalMemory() - rt.freeMemory());
		}
		return used;
	}
}
