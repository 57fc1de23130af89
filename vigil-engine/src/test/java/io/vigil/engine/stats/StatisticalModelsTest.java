package io.vigil.engine.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.engine.Feed;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.PcaAnomaly;
import io.vigil.engine.condition.RobustAnomaly;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatisticalModelsTest {

	@Test
	void quantilesMatchPublishedTables() {
		assertThat(Distributions.normalQuantile(0.975)).isCloseTo(1.959964, within(1e-5));
		assertThat(Distributions.normalQuantile(0.01)).isCloseTo(-2.326348, within(1e-5));
		assertThat(Distributions.chiSquareQuantile(0.95, 2)).isCloseTo(5.991465, within(1e-4));
		assertThat(Distributions.chiSquareQuantile(0.99, 10)).isCloseTo(23.20925, within(1e-3));
		assertThat(Distributions.fQuantile(0.99, 3, 100)).isCloseTo(3.983997, within(1e-3));
		assertThat(Distributions.fQuantile(0.95, 5, 20)).isCloseTo(2.71089, within(1e-3));
	}

	@Test
	void eigenDecompositionReconstructsTheMatrix() {
		double[][] a = {{4, 1, 2}, {1, 3, 0.5}, {2, 0.5, 5}};
		SymmetricEigen e = SymmetricEigen.of(a);
		for (int j = 0; j < 3; j++) {
			for (int i = 0; i < 3; i++) {
				double av = 0;
				for (int k = 0; k < 3; k++) {
					av += a[i][k] * e.vectors()[k][j];
				}
				assertThat(av).isCloseTo(e.values()[j] * e.vectors()[i][j], within(1e-9));
			}
		}
		assertThat(e.values()[0]).isGreaterThanOrEqualTo(e.values()[1]);
	}

	/** Three variables driven by one latent factor plus noise: normal behaviour keeps their correlation. */
	private static double[] row(Random r, double brokenCorrelation) {
		double f = r.nextGaussian();
		return new double[] {f + 0.1 * r.nextGaussian(), 2 * f + 0.1 * r.nextGaussian() + brokenCorrelation, -f + 0.1 * r.nextGaussian()};
	}

	@Test
	void pcaLimitsHoldTheirFalseAlarmRateOnNormalDataAndCatchABrokenCorrelation() {
		Random r = new Random(7);
		double[][] train = new double[2000][];
		for (int i = 0; i < train.length; i++) {
			train[i] = row(r, 0);
		}
		PcaModel model = PcaModel.fit(List.of("a", "b", "c"), train, 0.9);
		assertThat(model.components()).isEqualTo(1);
		double t2Limit = model.t2Limit(0.99);
		double qLimit = model.qLimit(0.99);
		int t2Alarms = 0, qAlarms = 0, caught = 0;
		for (int i = 0; i < 5000; i++) {
			double[] s = model.score(row(r, 0));
			t2Alarms += s[0] > t2Limit ? 1 : 0;
			qAlarms += s[1] > qLimit ? 1 : 0;
			caught += model.score(row(r, 2))[1] > qLimit ? 1 : 0;
		}
		assertThat(t2Alarms / 5000.0).isBetween(0.005, 0.02);
		assertThat(qAlarms / 5000.0).isBetween(0.004, 0.025);
		assertThat(caught / 5000.0).as("an offset of 2 (one standard deviation) on one variable breaks the correlation").isGreaterThan(0.95);
	}

	@Test
	void pcaRuleScoresCompleteFramesAndExplainsItself() {
		Random r = new Random(3);
		double[][] train = new double[500][];
		for (int i = 0; i < train.length; i++) {
			train[i] = row(r, 0);
		}
		PcaModel model = PcaModel.fit(List.of("a", "b", "c"), train, 0.9);
		var feed = Feed.<PcaAnomalyEvaluator.State>of(new PcaAnomalyEvaluator(new PcaAnomaly("unit-pca", "UNIT-1", model, 0.99, true, true, 3, 3, Level.YELLOW, PcaAnomaly.LimitPolicy.THEORETICAL)), "UNIT-1");
		for (int t = 0; t < 40; t++) {
			double[] x = row(r, t >= 20 ? 3 : 0);
			feed.read("a", t, x[0]);
			feed.read("b", t, x[1]);
			if (t != 10) {
				feed.read("c", t, x[2]);
			}
		}
		assertThat(feed.outcomes()).singleElement().satisfies(o -> {
			assertThat(o.kind()).isEqualTo(Kind.RAISED);
			assertThat(o.at()).isEqualTo(Feed.at(22));
			assertThat(o.readings()).extracting(Reading::key).containsExactly("a", "b", "c");
			assertThat(o.reasonEn()).contains("Q").contains("limit");
		});
	}

	@Test
	void robustDetectorIgnoresNoiseAndCatchesALevelShift() {
		var feed = Feed.<RobustAnomalyEvaluator.State>of(new RobustAnomalyEvaluator(new RobustAnomaly("z", 100, 0, 6, 2, Level.BLUE)), "X");
		Random r = new Random(11);
		for (int t = 0; t < 1000; t++) {
			feed.read(t, 10 + r.nextGaussian());
		}
		assertThat(feed.outcomes()).isEmpty();
		feed.read(1000, 25);
		feed.read(1001, 25);
		assertThat(feed.outcomes()).extracting(Outcome::kind).containsExactly(Kind.RAISED);
	}

	@Test
	void seasonalDetectorAcceptsTheDailyCycleButNotAMissingPeak() {
		int season = 24;
		var seasonal = Feed.<RobustAnomalyEvaluator.State>of(new RobustAnomalyEvaluator(new RobustAnomaly("zs", 96, season, 6, 2, Level.BLUE)), "X");
		var plain = Feed.<RobustAnomalyEvaluator.State>of(new RobustAnomalyEvaluator(new RobustAnomaly("zp", 96, 0, 6, 2, Level.BLUE)), "X");
		Random r = new Random(5);
		for (int t = 0; t < 24 * 30; t++) {
			double v = (t % season == 12 || t % season == 13 ? 100 : 10) + r.nextGaussian();
			seasonal.read(t, v);
			plain.read(t, v);
		}
		assertThat(seasonal.outcomes()).isEmpty();
		assertThat(plain.outcomes()).as("without seasonality the daily peak looks anomalous").isNotEmpty();
		long t0 = 24 * 30;
		for (int t = 0; t < 24; t++) {
			seasonal.read(t0 + t, 10 + r.nextGaussian());
		}
		assertThat(seasonal.outcomes()).extracting(Outcome::kind).first().isEqualTo(Kind.RAISED);
	}
}
