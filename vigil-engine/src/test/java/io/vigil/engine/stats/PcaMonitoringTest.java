package io.vigil.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vigil.engine.Feed;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.condition.PcaAnomaly;
import io.vigil.engine.condition.PcaAnomaly.LimitPolicy;
import io.vigil.engine.condition.PcaAnomaly.Monitoring;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** EWMA-smoothed statistics and recursive (adaptive) PCA of {@link PcaAnomalyEvaluator}. */
class PcaMonitoringTest {

	private static final List<String> VARS = List.of("a", "b", "c");

	/** Three variables driven by one latent factor plus noise; {@code offset} is added to variable a. */
	private static double[] row(Random r, double offset) {
		double f = r.nextGaussian();
		return new double[] {f + 0.1 * r.nextGaussian() + offset, 2 * f + 0.1 * r.nextGaussian(), -f + 0.1 * r.nextGaussian()};
	}

	private static PcaModel fitted(Random r) {
		double[][] train = new double[500][];
		for (int i = 0; i < train.length; i++) {
			train[i] = row(r, 0);
		}
		return PcaModel.fit(VARS, train, 0.9);
	}

	private static PcaAnomaly rule(PcaModel model, Monitoring monitoring, int on) {
		return new PcaAnomaly("unit-pca", "UNIT-1", model, 0.99, true, true, on, on, Level.YELLOW, LimitPolicy.THEORETICAL, monitoring);
	}

	private static void feed(Feed<?> feed, long t, double[] x) {
		feed.read("a", t, x[0]);
		feed.read("b", t, x[1]);
		feed.read("c", t, x[2]);
	}

	@Test
	void ewmaLimitWithoutSmoothingIsTheChiSquareQuantile() {
		assertThat(PcaModel.ewmaLimit(3, 6, 1, 0.99)).isCloseTo(Distributions.chiSquareQuantile(0.99, 3), within(1e-6));
	}

	@Test
	void ewmaLimitHoldsItsFalseAlarmRateOnIndependentChiSquareStatistics() {
		Random r = new Random(17);
		int k = 3;
		double lambda = 0.1;
		double limit = PcaModel.ewmaLimit(k, 2 * k, lambda, 0.99);
		assertThat(limit).as("smoothing narrows the distribution").isLessThan(Distributions.chiSquareQuantile(0.99, k));
		double s = k;
		int over = 0, n = 400_000;
		for (int i = 0; i < n; i++) {
			double x = 0;
			for (int j = 0; j < k; j++) {
				double z = r.nextGaussian();
				x += z * z;
			}
			s = lambda * x + (1 - lambda) * s;
			over += s > limit ? 1 : 0;
		}
		assertThat(over / (double) n).isBetween(0.005, 0.02);
	}

	@Test
	void smoothingCatchesASmallPersistentShiftThatSingleFramesMiss() {
		Random r = new Random(5);
		PcaModel model = fitted(r);
		var plain = new PcaAnomalyEvaluator(rule(model, Monitoring.STATIC, 1));
		var smooth = new PcaAnomalyEvaluator(rule(model, new Monitoring(0.1, 0), 1));
		var p = plain.initial();
		var s = smooth.initial();
		int plainAlarmed = 0, smoothAlarmed = 0;
		for (int t = 0; t < 2000; t++) {
			// an offset of 0.25 on a: a fifth of the residual noise would be 0.1, so about 2.5 σ of the residual
			double[] x = row(r, 0.25);
			for (int j = 0; j < 3; j++) {
				var reading = io.vigil.engine.Reading.of(VARS.get(j), Feed.at(t), x[j]);
				p = plain.evaluate(reading, p, reading.ts()).state();
				s = smooth.evaluate(reading, s, reading.ts()).state();
			}
			plainAlarmed += p.raised() ? 1 : 0;
			smoothAlarmed += s.raised() ? 1 : 0;
		}
		assertThat(smoothAlarmed).isGreaterThan(1900);
		assertThat(plainAlarmed).isLessThan(smoothAlarmed / 2);
	}

	@Test
	void recursiveModelFollowsSlowDriftButStillCatchesASuddenFaultAndHoldsIt() {
		Random r = new Random(9);
		PcaModel model = fitted(r);
		var fixed = Feed.<PcaAnomalyEvaluator.State>of(new PcaAnomalyEvaluator(rule(model, Monitoring.STATIC, 3)), "UNIT-1");
		var adaptive = Feed.<PcaAnomalyEvaluator.State>of(new PcaAnomalyEvaluator(rule(model, new Monitoring(1, 500), 3)), "UNIT-1");
		// slow drift of sensor a by 1.0 (ten residual standard deviations) over 5000 frames, e.g. a warming sensor
		int t = 0;
		for (; t < 5000; t++) {
			double[] x = row(r, 1.0 * t / 5000);
			feed(fixed, t, x);
			feed(adaptive, t, x);
		}
		assertThat(fixed.outcomes()).as("the fitted model sees the drift as a fault").extracting(Outcome::kind).contains(Kind.RAISED);
		assertThat(adaptive.outcomes()).as("the recursive model follows it").isEmpty();
		// then a sudden step of 1.0 on a (from the drifted 1.0 to 2.0) for 300 frames: caught at once and held, since faulty frames are not learnt
		for (int i = 0; i < 300; i++, t++) {
			feed(adaptive, t, row(r, 2.0));
		}
		assertThat(adaptive.outcomes()).extracting(Outcome::kind).containsExactly(Kind.RAISED);
		assertThat(adaptive.outcomes().get(0).at()).isBetween(Feed.at(5002), Feed.at(5004));
		assertThat(adaptive.outcomes().get(0).reasonEn()).contains("recursive memory 500");
	}

	@Test
	void existingConstructorKeepsTheStaticSchemeAndSchemesAreValidated() {
		PcaModel model = fitted(new Random(1));
		PcaAnomaly classic = new PcaAnomaly("p", "U", model, 0.99, true, true, 1, 1, Level.BLUE, LimitPolicy.THEORETICAL);
		assertThat(classic.monitoring()).isEqualTo(Monitoring.STATIC);
		assertThat(classic.withMonitoring(new Monitoring(0.2, 100)).monitoring().adaptiveMemory()).isEqualTo(100);
		assertThatThrownBy(() -> new Monitoring(0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Monitoring(0.5, 1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void modelFromItsOwnMomentsScoresLikeTheFittedOne() {
		Random r = new Random(2);
		PcaModel model = fitted(r);
		PcaModel rebuilt = PcaModel.fromMoments(model, model.mean(), model.covariance(), model.observations());
		double[] x = row(r, 0.7);
		assertThat(rebuilt.score(x)[0]).isCloseTo(model.score(x)[0], within(1e-9));
		assertThat(rebuilt.score(x)[1]).isCloseTo(model.score(x)[1], within(1e-9));
		assertThat(rebuilt.qLimit(0.99)).isCloseTo(model.qLimit(0.99), within(1e-9));
	}
}
