package io.vigil.bench.engine;

import io.vigil.engine.Level;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import io.vigil.engine.rule.ThresholdEvaluator;
import io.vigil.engine.rule.ThresholdState;
import io.vigil.engine.runtime.Partition;
import io.vigil.engine.runtime.RuleBook;
import java.time.Instant;
import java.util.List;

/**
 * Memory per threshold-monitored sensor, by heap delta over one million sensors (run with a fixed heap,
 * e.g. {@code -Xms2g -Xmx2g -XX:+UseSerialGC}). Two figures: the rule state alone (every sensor in a
 * pending, non-shared state) and everything the partition holds per sensor (map entry, slot, state,
 * the sensor key string).
 */
public final class StateFootprint {

	private static final int N = 1_000_000;

	public static void main(String[] args) {
		Threshold threshold = new Threshold("p", List.of(Limit.high(8, Level.YELLOW), Limit.high(9, Level.RED)), 0.1,
				Delay.ofReadings(3), Delay.ofReadings(3));
		ThresholdEvaluator evaluator = new ThresholdEvaluator(threshold);
		Instant t = Instant.parse("2026-01-01T00:00:00Z");

		long start = used();
		String[] keys = new String[N];
		for (int i = 0; i < N; i++) {
			keys[i] = "PT-" + (1_000_000 + i);
		}
		long before = used();
		System.out.printf("sensor key strings like \"PT-1000000\" (shared with the server's registry): %.1f bytes each%n",
				(before - start - 4.0 * N) / N);
		ThresholdState[] states = new ThresholdState[N];
		for (int i = 0; i < N; i++) {
			states[i] = evaluator.evaluate(Reading.of("S", t, 8.5), evaluator.initial(), t).state();
		}
		long after = used();
		double stateBytes = (after - before - 16.0 - 4.0 * N) / N;
		System.out.printf("threshold state alone (pending, not shared): %.1f bytes per sensor%n", stateBytes);
		states = null;

		List<io.vigil.engine.Evaluator<?>> rules = List.of(evaluator);
		RuleBook book = new RuleBook() {
			@Override
			public List<io.vigil.engine.Evaluator<?>> rulesFor(String sensorKey) {
				return rules;
			}

			@Override
			public io.vigil.engine.Evaluator<?> rule(String ruleId) {
				return evaluator;
			}
		};
		Partition partition = new Partition(book, o -> { });
		long empty = used();
		for (int i = 0; i < N; i++) {
			partition.process(Reading.of(keys[i], t, 8.5), t);
		}
		long full = used();
		System.out.printf("partition, per sensor, pending state (map entry + slot + state; key string owned by the caller): %.1f bytes%n",
				(full - empty) / (double) N);
		System.out.println("states held: " + partition.size() + ", keys " + keys.length + ", check " + (states == null));
	}

	private static long used() {
		for (int i = 0; i < 4; i++) {
			System.gc();
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		Runtime rt = Runtime.getRuntime();
		return rt.totalMemory() - rt.freeMemory();
	}
}
