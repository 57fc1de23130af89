package io.vigil.bench.engine;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.MassBalanceLeak;
import io.vigil.engine.pipeline.MassBalanceLeakEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mass-balance leak model: readings per second on one thread for one segment whose four sensors report
 * every 10 s into a 10-minute window (60 samples per signal), i.e. the steady-state cost of a reading.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CoupledModelBenchmark {

	private static final String[] KEYS = {"PT-IN", "PT-OUT", "FT-IN", "FT-OUT"};
	private MassBalanceLeakEvaluator evaluator;
	private MassBalanceLeakEvaluator.State state;
	private final Random random = new Random(1);
	private long tick;
	private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

	@Setup
	public void setUp() {
		evaluator = new MassBalanceLeakEvaluator(new MassBalanceLeak("leak", "S-1", KEYS[0], KEYS[1], KEYS[2], KEYS[3],
				Duration.ofMinutes(10), 2, 0.02, Duration.ofMinutes(20)));
		state = evaluator.initial();
	}

	@Benchmark
	public Object evaluate() {
		long n = tick++;
		int signal = (int) (n & 3);
		double value = switch (signal) {
			case 0 -> 4 + random.nextGaussian() * 0.005;
			case 1 -> 3.5 + random.nextGaussian() * 0.005;
			case 2 -> 100 + random.nextGaussian() * 0.5;
			default -> 99.5 + random.nextGaussian() * 0.5;
		};
		Reading r = Reading.of(KEYS[signal], t0.plusSeconds(10 * (n >> 2)), value);
		Evaluation<MassBalanceLeakEvaluator.State> e = evaluator.evaluate(r, state, r.ts());
		state = e.state();
		return e;
	}
}
