package io.vigil.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.engine.Feed;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.Reading;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Interruption;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixedRuleBookTest {

	private static Threshold high(String id, double limit) {
		return new Threshold(id, List.of(Limit.high(limit, Level.ORANGE)), 0, Delay.ofReadings(2), Delay.NONE);
	}

	private static final Interruption OFFLINE = new Interruption("offline", Duration.ofSeconds(10), 3, Level.BLUE);

	@Test
	void withRebindsOnlyTheGivenSensorsAndKeepsEvaluatorsOfUnchangedConditions() {
		FixedRuleBook before = FixedRuleBook.builder().bind("a", high("t#1", 4)).bind("a", OFFLINE).bind("b", high("t#1", 4))
				.partition("a", "e").build();
		FixedRuleBook after = before.with(Map.of("c", List.of(high("t#1", 4), OFFLINE), "b", List.of(high("t#2", 9))),
				Map.of("c", "e"));
		assertThat(after.rule("t#1")).isSameAs(before.rule("t#1"));
		assertThat(after.rulesFor("a")).isEqualTo(before.rulesFor("a"));
		assertThat(after.rulesFor("c")).isEqualTo(after.rulesFor("a"));
		assertThat(after.conditionsFor("b")).containsExactly(high("t#2", 9));
		assertThat(after.partitionKeyOf("c")).isEqualTo("e");
		assertThat(after.with(Map.of("b", List.of()), Map.of()).rule("t#2")).isNull();
	}

	@Test
	void withRefusesAnIdThatStillMeansAnotherCondition() {
		FixedRuleBook before = FixedRuleBook.builder().bind("a", high("t", 4)).build();
		assertThatThrownBy(() -> before.with(Map.of("b", List.of(high("t", 5))), Map.of()))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aRuleThatChangedItsVariantTakesOverTheStateAndTheOldStateIsDropped() throws Exception {
		List<Outcome> seen = new ArrayList<>();
		FixedRuleBook before = FixedRuleBook.builder().bind("a", high("t#1", 4)).bind("b", high("t#1", 4)).build();
		Partition partition = new Partition(before, seen::add);
		partition.process(Reading.of("a", Feed.at(0), 5), Feed.at(0));
		partition.process(Reading.of("a", Feed.at(1), 5), Feed.at(1));
		partition.process(Reading.of("b", Feed.at(1), 1), Feed.at(1));
		assertThat(seen).extracting(Outcome::kind).containsExactly(Kind.RAISED);
		// a's limit moves above the value: the raised state moves to the new variant, which recovers on the next reading
		partition.replaceRules(before.with(Map.of("a", List.of(high("t#2", 6))), Map.of()));
		assertThat(partition.size()).isEqualTo(2);
		partition.process(Reading.of("a", Feed.at(2), 5), Feed.at(2));
		assertThat(seen).extracting(Outcome::kind).containsExactly(Kind.RAISED, Kind.RECOVERED);
		// b loses its rule altogether: its state goes
		partition.replaceRules(FixedRuleBook.builder().bind("a", high("t#2", 6)).build());
		assertThat(partition.size()).isEqualTo(1);
	}
}
