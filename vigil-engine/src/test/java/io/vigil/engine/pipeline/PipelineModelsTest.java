package io.vigil.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.vigil.engine.Feed;
import io.vigil.engine.Level;
import io.vigil.engine.Outcome;
import io.vigil.engine.Outcome.Kind;
import io.vigil.engine.condition.ConstructionIntrusion;
import io.vigil.engine.condition.GasWithPressureDrop;
import io.vigil.engine.condition.MassBalanceLeak;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineModelsTest {

	/** Segment S-1: flow meters ±0.5 m³/h agree within 2 m³/h; a 10-minute window; 20 minutes makes it persistent. */
	private final Feed<MassBalanceLeakEvaluator.State> leak = Feed.of(new MassBalanceLeakEvaluator(new MassBalanceLeak("leak", "S-1",
			"PT-IN", "PT-OUT", "FT-IN", "FT-OUT", Duration.ofMinutes(10), 2.0, 0.02, Duration.ofMinutes(20))), "S-1");

	/** One minute of the four signals. */
	private void minute(int m, double pIn, double pOut, double qIn, double qOut) {
		long t = m * 60L;
		leak.read("PT-IN", t, pIn);
		leak.read("PT-OUT", t, pOut);
		leak.read("FT-IN", t, qIn);
		leak.read("FT-OUT", t, qOut);
	}

	@Test
	void pressureFallingAtBothEndsWithFlowMissingIsALeakGradedBySize() {
		for (int m = 0; m < 15; m++) {
			minute(m, 4.0, 3.5, 100, 99.5);
		}
		assertThat(leak.outcomes()).isEmpty();
		for (int m = 15; m < 30; m++) {
			minute(m, 4.0 - 0.01 * (m - 14), 3.5 - 0.012 * (m - 14), 100, 95);
		}
		assertThat(leak.outcomes()).first().satisfies(o -> {
			assertThat(o.kind()).isEqualTo(Kind.RAISED);
			assertThat(o.key()).isEqualTo("S-1");
			assertThat(o.reasonZh()).contains("疑似泄漏");
			assertThat(o.readings()).hasSize(4);
		});
		assertThat(leak.outcomes()).extracting(Outcome::level).contains(Level.ORANGE);
	}

	@Test
	void aLeakThatPersistsIsRaisedOneLevel() {
		for (int m = 0; m < 60; m++) {
			minute(m, 4.0 - 0.01 * m, 3.5 - 0.01 * m, 100, 95);
		}
		assertThat(leak.outcomes()).extracting(Outcome::kind, Outcome::level).containsSubsequence(
				tuple(Kind.RAISED, Level.ORANGE), tuple(Kind.UPDATED, Level.RED));
	}

	@Test
	void demandChangeWithPressureFallButBalancedFlowIsNoLeak() {
		for (int m = 0; m < 40; m++) {
			minute(m, 4.0 - 0.01 * m, 3.5 - 0.01 * m, 100 + m, 99.5 + m);
		}
		assertThat(leak.outcomes()).isEmpty();
	}

	@Test
	void meterImbalanceWithSteadyPressureIsNoLeak() {
		for (int m = 0; m < 40; m++) {
			minute(m, 4.0, 3.5, 100, 90);
		}
		assertThat(leak.outcomes()).isEmpty();
	}

	@Test
	void leakIndicationRecoversWhenTheFlowsBalanceAgain() {
		for (int m = 0; m < 20; m++) {
			minute(m, 4.0 - 0.01 * m, 3.5 - 0.01 * m, 100, 97);
		}
		for (int m = 20; m < 40; m++) {
			minute(m, 3.8, 3.3, 100, 100);
		}
		assertThat(leak.outcomes()).extracting(Outcome::kind).first().isEqualTo(Kind.RAISED);
		assertThat(leak.outcomes()).extracting(Outcome::kind).last().isEqualTo(Kind.RECOVERED);
	}

	private final Feed<GasWithPressureDropEvaluator.State> gas = Feed.of(new GasWithPressureDropEvaluator(new GasWithPressureDrop(
			"gas-drop", "VC-3", "GAS-VC3", "PT-L1", 10, 0.1, Duration.ofMinutes(15), Level.RED)), "VC-3");

	@Test
	void gasInTheValveChamberWhileLinePressureDropsIsRed() {
		for (int m = 0; m < 10; m++) {
			gas.read("PT-L1", m * 60L, 4.0 - 0.03 * m);
			gas.read("GAS-VC3", m * 60L, m < 6 ? 0 : 18);
		}
		assertThat(gas.outcomes()).singleElement().satisfies(o -> {
			assertThat(o.level()).isEqualTo(Level.RED);
			assertThat(o.key()).isEqualTo("VC-3");
			assertThat(o.readings()).hasSize(2);
		});
	}

	@Test
	void gasWithSteadyPressureIsNotThisModelsBusiness() {
		for (int m = 0; m < 10; m++) {
			gas.read("PT-L1", m * 60L, 4.0);
			gas.read("GAS-VC3", m * 60L, 30);
		}
		assertThat(gas.outcomes()).isEmpty();
	}

	private final ConstructionIntrusion.Window permit = new ConstructionIntrusion.Window(Feed.at(3600), Feed.at(7200), "PERMIT-42");
	private final Feed<ConstructionIntrusionEvaluator.State> vibration = Feed.of(new ConstructionIntrusionEvaluator(new ConstructionIntrusion(
			"tpd", "P-9", "VIB-9", 5, List.of(permit), Level.BLUE, Level.ORANGE, Duration.ofMinutes(10))), "P-9");

	@Test
	void vibrationInsideARegisteredConstructionWindowIsBlue() {
		assertThat(vibration.read("VIB-9", 4000, 8)).singleElement().satisfies(o -> {
			assertThat(o.level()).isEqualTo(Level.BLUE);
			assertThat(o.reasonEn()).contains("PERMIT-42");
		});
	}

	@Test
	void vibrationOutsideAnyWindowIsMoreSerious() {
		assertThat(vibration.read("VIB-9", 100, 8)).extracting(Outcome::level).containsExactly(Level.ORANGE);
	}

	@Test
	void workOverrunningItsWindowEscalatesAndQuietRecovers() {
		vibration.read("VIB-9", 7000, 8);
		vibration.read("VIB-9", 7300, 8);
		vibration.read("VIB-9", 7400, 1);
		assertThat(vibration.tick(7899)).isEmpty();
		vibration.tick(7900);
		assertThat(vibration.outcomes()).extracting(Outcome::kind, Outcome::level).containsExactly(
				tuple(Kind.RAISED, Level.BLUE), tuple(Kind.UPDATED, Level.ORANGE), tuple(Kind.RECOVERED, Level.ORANGE));
	}

	@Test
	void configurationThatRatesOutsideBelowInsideIsRejected() {
		assertThatThrownBy(() -> new ConstructionIntrusion("x", "P", "V", 1, List.of(), Level.ORANGE, Level.BLUE, Duration.ofMinutes(1)))
				.hasMessageContaining("outside");
	}
}
