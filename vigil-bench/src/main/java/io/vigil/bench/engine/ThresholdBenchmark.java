package io.vigil.bench.engine;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Level;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import io.vigil.engine.rule.ThresholdEvaluator;
import io.vigil.engine.rule.ThresholdState;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Threshold evaluations per second on one thread: 4 limits (high, high-high, low, low-low), deadband,
 * 3-reading on-delay and off-delay, over 4096 sensors whose states the benchmark keeps like the runner
 * does. {@code crossing} is the share of readings outside the normal band (noise around the set points
 * makes states move).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThresholdBenchmark {

	private static final int SENSORS = 4096;
	private static final int READINGS = 1 << 16;

	@Param({"0.0", "0.05"})
	public double crossing;

	private ThresholdEvaluator evaluator;
	private ThresholdState[] states;
	private Reading[] readings;
	private int[] sensorOf;
	private int next;
	private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

	@Setup
	public void setUp() {
		evaluator = new ThresholdEvaluator(new Threshold("p", List.of(Limit.high(8, Level.YELLOW), Limit.high(9, Level.RED),
				Limit.low(2, Level.YELLOW), Limit.low(1, Level.RED)), 0.1, Delay.ofReadings(3), Delay.ofReadings(3)));
		states = new ThresholdState[SENSORS];
		java.util.Arrays.fill(states, evaluator.initial());
		Random random = new Random(42);
		readings = new Reading[READINGS];
		sensorOf = new int[READINGS];
		for (int i = 0; i < READINGS; i++) {
			sensorOf[i] = random.nextInt(SENSORS);
			double value = random.nextDouble() < crossing ? 7.5 + random.nextDouble() * 2.5 : 3 + random.nextDouble() * 4;
			readings[i] = Reading.of("S-" + sensorOf[i], now.plusSeconds(i), value);
		}
	}

	@Benchmark
	public ThresholdState evaluate() {
		int i = next++ & (READINGS - 1);
		int s = sensorOf[i];
		Evaluation<ThresholdState> e = evaluator.evaluate(readings[i], states[s], now);
		states[s] = e.state();
		return e.state();
	}
}
