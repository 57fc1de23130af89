package io.vigil.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.engine.Feed;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.condition.Bound;
import io.vigil.engine.condition.RateOfChange;
import io.vigil.engine.condition.Trend;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateAndTrendTest {

	/** Pipeline pressure must not fall faster than 0.05 MPa/min over 5 minutes. */
	private final Feed<RateOfChangeEvaluator.State> rate = Feed.of(new RateOfChangeEvaluator(
			RateOfChange.falling("p-fall", 0.05, Duration.ofMinutes(5), Level.ORANGE)), "PT-1");

	@Test
	void pressureFallingFasterThanTheLimitRaises() {
		for (int m = 0; m <= 10; m++) {
			rate.read(m * 60L, m < 5 ? 4.0 : 4.0 - 0.1 * (m - 4));
		}
		assertThat(rate.outcomes()).first().satisfies(o -> {
			assertThat(o.kind()).isEqualTo(Kind.RAISED);
			assertThat(o.value()).isLessThan(-0.05);
			assertThat(o.reasonEn()).startsWith("falling at");
		});
	}

	@Test
	void slowDriftAndRisingPressureDoNotRaiseAFallRule() {
		for (int m = 0; m <= 30; m++) {
			rate.read(m * 60L, 4.0 - 0.01 * m);
		}
		for (int m = 31; m <= 40; m++) {
			rate.read(m * 60L, 4.0 + 0.5 * (m - 30));
		}
		assertThat(rate.outcomes()).isEmpty();
	}

	@Test
	void stepAfterADataGapIsNotJudgedOnAHalfEmptyWindow() {
		rate.read(0, 4.0);
		assertThat(rate.read(3600, 3.0)).isEmpty();
		assertThat(rate.read(3660, 3.0)).isEmpty();
	}

	@Test
	void recoversWhenThePressureSettles() {
		for (int m = 0; m <= 10; m++) {
			rate.read(m * 60L, 4.0 - 0.1 * m);
		}
		for (int m = 11; m <= 20; m++) {
			rate.read(m * 60L, 3.0);
		}
		assertThat(rate.outcomes()).extracting(Outcome::kind).containsExactly(Kind.RAISED, Kind.RECOVERED);
	}

	/** Tank level reaches 90 % high-high: warn if expected within 60 minutes. */
	private final Feed<TrendEvaluator.State> trend = Feed.of(new TrendEvaluator(
			new Trend("level-eta", Bound.HIGH, 90, Duration.ofMinutes(20), 5, Duration.ofMinutes(60), Level.BLUE)), "LT-1");

	@Test
	void risingLevelWarnsWithTheExpectedTimeToThreshold() {
		for (int m = 0; m <= 20; m++) {
			trend.read(m * 60L, 50 + 0.5 * m);
		}
		assertThat(trend.outcomes()).singleElement().satisfies(o -> {
			assertThat(o.category()).isEqualTo(Category.EARLY_WARNING);
			assertThat(o.value()).isBetween(55.0, 60.0);
			assertThat(o.reasonEn()).contains("reach 90 in about");
		});
	}

	@Test
	void flatOrFallingLevelNeverWarns() {
		for (int m = 0; m <= 30; m++) {
			trend.read(m * 60L, 85 - 0.1 * m + (m % 2) * 0.2);
		}
		assertThat(trend.outcomes()).isEmpty();
	}

	@Test
	void warningClearsWhenTheRiseStops() {
		for (int m = 0; m <= 20; m++) {
			trend.read(m * 60L, 50 + 0.5 * m);
		}
		for (int m = 21; m <= 60; m++) {
			trend.read(m * 60L, 60);
		}
		assertThat(trend.outcomes()).extracting(Outcome::kind).containsExactly(Kind.RAISED, Kind.RECOVERED);
	}
}
