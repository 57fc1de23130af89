package io.vigil.engine.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vigil.engine.Feed;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Category;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.DataQuality;
import org.junit.jupiter.api.Test;

class DataQualityTest {

	/** Pressure transmitter 0–10 MPa; stuck after 10 equal readings; a 2 MPa step between readings is a spike. */
	private final Feed<DataQualityEvaluator.State> feed = Feed.of(new DataQualityEvaluator(
			new DataQuality("dq", 0, 10, 10, 0.001, 2, 3, Level.BLUE)), "PT-1");

	@Test
	void valueOutsideTheInstrumentRangeIsADataQualityOutcomeNotAProcessOne() {
		assertThat(feed.read(0, 12.5)).singleElement().satisfies(o -> {
			assertThat(o.category()).isEqualTo(Category.DATA_QUALITY);
			assertThat(o.ruleId()).isEqualTo("dq:range");
			assertThat(o.threshold()).isEqualTo(10);
		});
		assertThat(feed.read(1, 5)).extracting(Outcome::ruleId, Outcome::kind).containsExactly(tuple("dq:range", Kind.RECOVERED));
	}

	@Test
	void stuckValueIsAFlatline() {
		double[] stuck = new double[10];
		java.util.Arrays.fill(stuck, 3.2);
		assertThat(feed.series(0, 60, stuck)).extracting(Outcome::ruleId).containsExactly("dq:flatline");
		assertThat(feed.read(600, 3.3)).extracting(Outcome::ruleId, Outcome::kind).containsExactly(tuple("dq:flatline", Kind.RECOVERED));
	}

	@Test
	void noisyButSteadyValueIsNotAFlatline() {
		for (int i = 0; i < 30; i++) {
			feed.read(i, 3.2 + (i % 2 == 0 ? 0.01 : -0.01));
		}
		assertThat(feed.outcomes()).isEmpty();
	}

	@Test
	void singleSpikeIsReportedAndClearsWhenTheValueReturns() {
		feed.series(0, 1, 3, 3.1, 9.5, 3.05);
		assertThat(feed.outcomes()).extracting(Outcome::ruleId, Outcome::kind)
				.containsExactly(tuple("dq:spike", Kind.RAISED), tuple("dq:spike", Kind.RECOVERED));
	}

	@Test
	void aRealStepChangeStopsBeingASpikeAfterThreeReadings() {
		feed.series(0, 1, 3, 3, 7, 7, 7, 7);
		assertThat(feed.outcomes()).extracting(Outcome::kind).containsExactly(Kind.RAISED, Kind.RECOVERED);
		assertThat(feed.outcomes().get(1).at()).isEqualTo(Feed.at(4));
	}

	@Test
	void consecutiveInvalidFlagsRaiseAndAValidReadingRecovers() {
		feed.read(Reading.of("PT-1", Feed.at(0), 3, "D"));
		feed.read(Reading.of("PT-1", Feed.at(1), 3, "D"));
		assertThat(feed.outcomes()).isEmpty();
		assertThat(feed.read(Reading.of("PT-1", Feed.at(2), 3, "F"))).extracting(Outcome::ruleId).containsExactly("dq:invalid");
		assertThat(feed.read(Reading.of("PT-1", Feed.at(3), 3, "N"))).extracting(Outcome::kind).containsExactly(Kind.RECOVERED);
	}

	@Test
	void sensorsStartingFromTheSharedInitialStateJudgeTheirOwnValues() {
		// States change in place; the initial state all new sensors share must not.
		DataQualityEvaluator evaluator = new DataQualityEvaluator(new DataQuality("dq", 0, 10, 10, 0.001, 2, 3, Level.BLUE));
		Feed<DataQualityEvaluator.State> first = Feed.of(evaluator, "PT-1");
		Feed<DataQualityEvaluator.State> second = Feed.of(evaluator, "PT-2");
		first.series(0, 1, 3, 3.1);
		assertThat(evaluator.initial().last()).isEqualTo(Long.MIN_VALUE);
		assertThat(second.read(0, 9)).as("no spike against the other sensor's value").isEmpty();
		assertThat(first.read(2, 9)).extracting(Outcome::ruleId).containsExactly("dq:spike");
	}
}
