package io.vigil.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.engine.Feed;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Randomised sequences (fixed seeds) checking invariants of the threshold state machine. */
class ThresholdPropertyTest {

	private static final List<Limit> LIMITS = List.of(Limit.high(60, Level.YELLOW), Limit.high(80, Level.RED),
			Limit.low(20, Level.BLUE), Limit.low(5, Level.ORANGE));

	/** Level ordinal the limits call for without hysteresis. */
	private static int plainTarget(double v) {
		int t = -1;
		for (Limit l : LIMITS) {
			if (l.violatedBy(v, false, 0)) {
				t = Math.max(t, l.level().ordinal());
			}
		}
		return t;
	}

	private static double[] randomWalk(Random random, int n) {
		double[] values = new double[n];
		double v = 50;
		for (int i = 0; i < n; i++) {
			v += random.nextGaussian() * 6 + (random.nextInt(50) == 0 ? random.nextGaussian() * 40 : 0);
			v = Math.max(-20, Math.min(120, v));
			values[i] = v;
		}
		return values;
	}

	@Test
	void lifecycleIsAlwaysRaisedThenUpdatesThenRecovered() {
		for (long seed = 1; seed <= 200; seed++) {
			Random random = new Random(seed);
			Threshold t = new Threshold("p", LIMITS, random.nextDouble() * 5, Delay.ofReadings(1 + random.nextInt(4)), Delay.ofReadings(1 + random.nextInt(4)));
			var feed = Feed.<ThresholdState>of(new ThresholdEvaluator(t), "S");
			double[] values = randomWalk(random, 400);
			Level active = null;
			for (int i = 0; i < values.length; i++) {
				for (Outcome o : feed.read(i, values[i])) {
					switch (o.kind()) {
						case RAISED -> assertThat(active).as("seed %d: raised while %s active", seed, active).isNull();
						case UPDATED -> assertThat(active).as("seed %d", seed).isNotNull().isNotEqualTo(o.level());
						case RECOVERED -> assertThat(o.level()).as("seed %d", seed).isEqualTo(active);
						default -> throw new AssertionError("unexpected " + o);
					}
					active = o.kind() == Kind.RECOVERED ? null : o.level();
				}
				assertThat(feed.state().level()).as("seed %d step %d", seed, i).isEqualTo(active);
			}
		}
	}

	@Test
	void withoutDeadbandOrDelayTheLevelIsExactlyTheWorstViolatedLimit() {
		for (long seed = 1; seed <= 200; seed++) {
			Random random = new Random(seed);
			var feed = Feed.<ThresholdState>of(new ThresholdEvaluator(new Threshold("p", LIMITS, 0, Delay.NONE, Delay.NONE)), "S");
			double[] values = randomWalk(random, 300);
			for (int i = 0; i < values.length; i++) {
				feed.read(i, values[i]);
				assertThat((int) feed.state().active()).as("seed %d value %f", seed, values[i]).isEqualTo(plainTarget(values[i]));
			}
		}
	}

	@Test
	void aRaiseAlwaysFollowsNConsecutiveViolatingReadings() {
		for (long seed = 1; seed <= 200; seed++) {
			Random random = new Random(seed);
			int n = 1 + random.nextInt(5);
			var feed = Feed.<ThresholdState>of(new ThresholdEvaluator(new Threshold("p", LIMITS, 0, Delay.ofReadings(n), Delay.NONE)), "S");
			double[] values = randomWalk(random, 300);
			Deque<Double> recent = new ArrayDeque<>();
			for (int i = 0; i < values.length; i++) {
				recent.addLast(values[i]);
				if (recent.size() > n) {
					recent.removeFirst();
				}
				for (Outcome o : feed.read(i, values[i])) {
					if (o.kind() == Kind.RAISED) {
						assertThat(recent).as("seed %d step %d", seed, i).hasSize(n).allMatch(v -> plainTarget(v) >= 0);
					}
				}
			}
		}
	}

	@Test
	void hysteresisNeverProducesMoreTransitionsThanThePlainRule() {
		for (long seed = 1; seed <= 200; seed++) {
			Random random = new Random(seed);
			double[] values = randomWalk(random, 500);
			var plain = Feed.<ThresholdState>of(new ThresholdEvaluator(new Threshold("p", LIMITS, 0, Delay.NONE, Delay.NONE)), "S");
			var damped = Feed.<ThresholdState>of(new ThresholdEvaluator(new Threshold("p", LIMITS, 3, Delay.NONE, Delay.NONE)), "S");
			for (int i = 0; i < values.length; i++) {
				plain.read(i, values[i]);
				damped.read(i, values[i]);
			}
			assertThat(damped.outcomes().size()).as("seed %d", seed).isLessThanOrEqualTo(plain.outcomes().size());
		}
	}
}
