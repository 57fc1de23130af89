package io.vigil.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.engine.condition.Bound;
import io.vigil.engine.condition.Condition;
import io.vigil.engine.condition.ConstructionIntrusion;
import io.vigil.engine.condition.DataQuality;
import io.vigil.engine.condition.GasWithPressureDrop;
import io.vigil.engine.condition.GroupInterruption;
import io.vigil.engine.condition.Interruption;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.MassBalanceLeak;
import io.vigil.engine.condition.PcaAnomaly;
import io.vigil.engine.condition.RateOfChange;
import io.vigil.engine.condition.RobustAnomaly;
import io.vigil.engine.condition.Threshold;
import io.vigil.engine.condition.Trend;
import io.vigil.engine.stats.PcaModel;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EvaluatorsTest {

	private static List<Condition> oneOfEach() {
		double[][] rows = new double[20][];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = new double[] {i, i * 2 + (i % 3), -i + (i % 2)};
		}
		PcaModel model = PcaModel.fit(List.of("a", "b", "c"), rows, 0.9);
		Duration m = Duration.ofMinutes(1);
		return List.of(
				Threshold.of("t", Limit.high(1, Level.RED)),
				RateOfChange.falling("r", 1, m, Level.BLUE),
				new Interruption("i", m, 3, Level.BLUE),
				new GroupInterruption("g", "E", List.of("a"), m, m, Level.BLUE, Level.YELLOW),
				new DataQuality("d", 0, 1, 0, 0, Double.NaN, 0, Level.BLUE),
				new Trend("tr", Bound.HIGH, 1, m, 3, m, Level.BLUE),
				new MassBalanceLeak("l", "S", "a", "b", "c", "d", m, 1, 1, m),
				new GasWithPressureDrop("gp", "A", "g", "p", 1, 1, m, Level.RED),
				new ConstructionIntrusion("ci", "P", "v", 1, List.of(), Level.BLUE, Level.ORANGE, m),
				new RobustAnomaly("ra", 8, 0, 5, 1, Level.BLUE),
				new PcaAnomaly("pca", "U", model, 0.99, true, true, 1, 1, Level.BLUE, PcaAnomaly.LimitPolicy.THEORETICAL));
	}

	@Test
	void everyKindOfConditionHasAnEvaluator() {
		Set<Class<?>> covered = oneOfEach().stream().map(Object::getClass).collect(Collectors.toSet());
		assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(Condition.class.getPermittedSubclasses()));
		for (Condition c : oneOfEach()) {
			assertThat(Evaluators.of(c).ruleId()).isEqualTo(c.id());
		}
	}

	@Test
	void everyInitialStateIsSerialisableForSnapshots() throws Exception {
		for (Condition c : oneOfEach()) {
			try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
				out.writeObject(Evaluators.of(c).initial());
			}
		}
	}

	@Test
	void statesWithWindowsAndReadingsSurviveSerialisation() throws Exception {
		for (Condition c : oneOfEach()) {
			@SuppressWarnings("unchecked")
			Evaluator<Object> evaluator = (Evaluator<Object>) Evaluators.of(c);
			Object state = evaluator.initial();
			for (int t = 0; t < 30; t++) {
				for (String key : List.of("a", "b", "c", "d", "g", "p", "v")) {
					state = evaluator.evaluate(Reading.of(key, Feed.at(t * 10L), t % 7), state, Feed.at(t * 10L)).state();
				}
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
				out.writeObject(state);
			}
			try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
				assertThat(in.readObject()).as(c.id()).isInstanceOf(state.getClass());
			}
		}
	}
}
