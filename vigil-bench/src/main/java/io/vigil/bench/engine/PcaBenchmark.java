package io.vigil.bench.engine;

import io.vigil.engine.Evaluation;
import io.vigil.engine.Level;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.PcaAnomaly;
import io.vigil.engine.stats.PcaAnomalyEvaluator;
import io.vigil.engine.stats.PcaModel;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PCA model (Tennessee-Eastman-sized: 52 variables, synthetic correlated normal data) as the live path
 * runs it: one reading per variable, the frame scored when complete. Reported per reading; divide by
 * the number of variables for frames (scored observations) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PcaBenchmark {

	@Param({"8", "52"})
	public int variables;

	private PcaAnomalyEvaluator evaluator;
	private PcaAnomalyEvaluator.State state;
	private List<String> keys;
	private double[][] frames;
	private long n;
	private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

	@Setup
	public void setUp() {
		Random random = new Random(3);
		keys = IntStream.range(0, variables).mapToObj(i -> "x" + i).toList();
		double[][] train = new double[1000][];
		for (int i = 0; i < train.length; i++) {
			train[i] = row(random);
		}
		PcaModel model = PcaModel.fit(keys, train, 0.9);
		evaluator = new PcaAnomalyEvaluator(new PcaAnomaly("pca", "unit", model, 0.99, true, true, 3, 3, Level.YELLOW,
				PcaAnomaly.LimitPolicy.THEORETICAL));
		state = evaluator.initial();
		frames = new double[256][];
		for (int i = 0; i < frames.length; i++) {
			frames[i] = row(random);
		}
	}

	private double[] row(Random random) {
		double a = random.nextGaussian();
		double b = random.nextGaussian();
		double[] x = new double[variables];
		for (int j = 0; j < variables; j++) {
			x[j] = (j % 3 == 0 ? a : j % 3 == 1 ? b : a - b) + 0.2 * random.nextGaussian();
		}
		return x;
	}

	@Benchmark
	public Object evaluateReading() {
		long i = n++;
		int variable = (int) (i % variables);
		long frame = i / variables;
		Reading r = Reading.of(keys.get(variable), t0.plusSeconds(frame), frames[(int) (frame & 255)][variable]);
		Evaluation<PcaAnomalyEvaluator.State> e = evaluator.evaluate(r, state, r.ts());
		state = e.state();
		return e;
	}
}
