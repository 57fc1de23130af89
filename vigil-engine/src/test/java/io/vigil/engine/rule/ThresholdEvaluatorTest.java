package io.vigil.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.engine.Feed;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdEvaluatorTest {

	/** Combustible gas detector: 25 %LEL yellow, 50 %LEL orange, 2 %LEL deadband. */
	private static Threshold gas(Delay on, Delay off) {
		return new Threshold("gas-high", List.of(Limit.high(25, Level.YELLOW), Limit.high(50, Level.ORANGE)), 2, on, off);
	}

	private static Feed<ThresholdState> feed(Threshold t) {
		return Feed.of(new ThresholdEvaluator(t), "GAS-01");
	}

	@Test
	void raisesYellowWhenGasRisesToFirstSetPoint() {
		var feed = feed(gas(Delay.NONE, Delay.NONE));
		assertThat(feed.series(0, 10, 5, 12, 24.9)).isEmpty();
		List<Outcome> out = feed.read(30, 25);
		assertThat(out).singleElement().satisfies(o -> {
			assertThat(o.kind()).isEqualTo(Kind.RAISED);
			assertThat(o.level()).isEqualTo(Level.YELLOW);
			assertThat(o.value()).isEqualTo(25);
			assertThat(o.threshold()).isEqualTo(25);
			assertThat(o.reasonZh()).contains("25").contains("黄色");
			assertThat(o.reasonEn()).contains("above yellow limit 25");
			assertThat(o.readings()).extracting(Reading::value).containsExactly(25.0);
		});
	}

	@Test
	void escalatesToOrangeAndLowersBackWhileRising() {
		var feed = feed(gas(Delay.NONE, Delay.NONE));
		feed.series(0, 10, 30, 55, 40, 10);
		assertThat(feed.outcomes()).extracting(Outcome::kind, Outcome::level).containsExactly(
				org.assertj.core.groups.Tuple.tuple(Kind.RAISED, Level.YELLOW),
				org.assertj.core.groups.Tuple.tuple(Kind.UPDATED, Level.ORANGE),
				org.assertj.core.groups.Tuple.tuple(Kind.UPDATED, Level.YELLOW),
				org.assertj.core.groups.Tuple.tuple(Kind.RECOVERED, Level.YELLOW));
	}

	@Test
	void jumpingStraightPastHighHighRaisesOrangeOnce() {
		var feed = feed(gas(Delay.NONE, Delay.NONE));
		assertThat(feed.read(0, 80)).extracting(Outcome::kind, Outcome::level)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.RAISED, Level.ORANGE));
	}

	@Test
	void deadbandKeepsNoiseAroundTheSetPointFromFlapping() {
		var feed = feed(gas(Delay.NONE, Delay.NONE));
		feed.series(0, 1, 25.5, 24.0, 25.8, 23.5, 26.0, 24.1);
		assertThat(feed.outcomes()).extracting(Outcome::kind).containsExactly(Kind.RAISED);
		assertThat(feed.read(10, 22.9)).extracting(Outcome::kind).containsExactly(Kind.RECOVERED);
	}

	@Test
	void withoutDeadbandTheSameNoiseFlaps() {
		var feed = Feed.<ThresholdState>of(new ThresholdEvaluator(Threshold.of("t", Limit.high(25, Level.YELLOW))), "GAS-01");
		feed.series(0, 1, 25.5, 24.0, 25.8, 23.5);
		assertThat(feed.outcomes()).hasSize(4);
	}

	@Test
	void onDelayInReadingsIgnoresASingleSpikeButRaisesOnPersistence() {
		var feed = feed(gas(Delay.ofReadings(3), Delay.NONE));
		assertThat(feed.series(0, 5, 10, 30, 10, 30, 30)).isEmpty();
		assertThat(feed.read(25, 31)).extracting(Outcome::kind).containsExactly(Kind.RAISED);
	}

	@Test
	void onDelayInSecondsCountsReadingTimeNotReadings() {
		var feed = feed(gas(Delay.ofSeconds(60), Delay.NONE));
		assertThat(feed.series(0, 20, 30, 30, 30)).isEmpty();
		assertThat(feed.read(60, 30)).singleElement().satisfies(o -> assertThat(o.parameters()).containsEntry("heldMillis", 60_000L));
	}

	@Test
	void offDelayHoldsTheWarningUntilTheValueStaysLow() {
		var feed = feed(gas(Delay.NONE, Delay.ofSeconds(30)));
		feed.read(0, 30);
		assertThat(feed.series(10, 10, 5, 30, 5, 5, 5)).isEmpty();
		assertThat(feed.read(60, 5)).extracting(Outcome::kind).containsExactly(Kind.RECOVERED);
	}

	@Test
	void lowAndLowLowGradeFallingOxygen() {
		var oxygen = new Threshold("o2", List.of(Limit.low(19.5, Level.YELLOW), Limit.low(18, Level.RED)), 0.2, Delay.NONE, Delay.NONE);
		var feed = Feed.<ThresholdState>of(new ThresholdEvaluator(oxygen), "O2-01");
		feed.series(0, 10, 20.9, 19.4, 17.9, 19.6, 19.8);
		assertThat(feed.outcomes()).extracting(Outcome::kind, Outcome::level).containsExactly(
				org.assertj.core.groups.Tuple.tuple(Kind.RAISED, Level.YELLOW),
				org.assertj.core.groups.Tuple.tuple(Kind.UPDATED, Level.RED),
				org.assertj.core.groups.Tuple.tuple(Kind.UPDATED, Level.YELLOW),
				org.assertj.core.groups.Tuple.tuple(Kind.RECOVERED, Level.YELLOW));
	}

	@Test
	void invalidFlaggedReadingsNeverRaise() {
		var feed = feed(gas(Delay.NONE, Delay.NONE));
		assertThat(feed.read(Reading.of("GAS-01", Feed.at(0), 99, "D"))).isEmpty();
		assertThat(feed.read(Reading.of("GAS-01", Feed.at(1), 99, "C"))).isEmpty();
		assertThat(feed.read(Reading.of("GAS-01", Feed.at(2), 99, "N"))).hasSize(1);
	}

	@Test
	void lateReadingDoesNotUndoAWarning() {
		var feed = feed(gas(Delay.NONE, Delay.NONE));
		feed.read(100, 30);
		assertThat(feed.read(50, 0)).isEmpty();
		assertThat(feed.state().level()).isEqualTo(Level.YELLOW);
	}

	@Test
	void lateReadingDoesNotCountTowardsAnOnDelay() {
		var feed = feed(gas(Delay.ofReadings(2), Delay.NONE));
		feed.read(100, 30);
		assertThat(feed.read(90, 30)).isEmpty();
		assertThat(feed.state().count()).isEqualTo(1);
	}

	@Test
	void steadyNormalReadingsKeepTheSameStateObject() {
		var feed = feed(gas(Delay.ofReadings(2), Delay.NONE));
		ThresholdState before = feed.state();
		feed.series(0, 1, 3, 4, 5);
		assertThat(feed.state()).isSameAs(before);
	}

	@Test
	void aNoisyValueInsideTheOnDelayRestartsIt() {
		var feed = feed(gas(new Delay(Duration.ofSeconds(20), 1), Delay.NONE));
		feed.series(0, 10, 30, 30, 10, 30, 30);
		assertThat(feed.outcomes()).isEmpty();
		assertThat(feed.read(50, 30)).hasSize(1);
	}
}
