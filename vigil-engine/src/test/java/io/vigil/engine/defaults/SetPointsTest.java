package io.vigil.engine.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.engine.Level;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import io.vigil.engine.defaults.SetPoints.GasType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetPointsTest {

	private final Threshold standard = SetPoints.of("lel", GasType.COMBUSTIBLE, 0);

	@Test
	void combustibleGasDefaultsAreTwentyFiveAndFiftyPercentLel() {
		assertThat(standard.limits()).containsExactly(Limit.high(25, Level.YELLOW), Limit.high(50, Level.ORANGE));
	}

	@Test
	void tighterSetPointsAreAccepted() {
		Threshold tighter = new Threshold("lel", List.of(Limit.high(20, Level.YELLOW), Limit.high(40, Level.RED)), 0.5, Delay.ofReadings(2), Delay.NONE);
		assertThat(SetPoints.violations(tighter, standard)).isEmpty();
	}

	@Test
	void looserFirstAlarmIsRejectedWithTheReason() {
		Threshold looser = new Threshold("lel", List.of(Limit.high(30, Level.YELLOW), Limit.high(50, Level.ORANGE)), 0.5, Delay.ofReadings(2), Delay.NONE);
		assertThat(SetPoints.violations(looser, standard)).singleElement().asString().contains("25").contains("loosens");
	}

	@Test
	void downgradingTheSecondAlarmIsLooseningToo() {
		Threshold milder = new Threshold("lel", List.of(Limit.high(25, Level.YELLOW), Limit.high(50, Level.BLUE)), 0.5, Delay.ofReadings(2), Delay.NONE);
		assertThat(SetPoints.violations(milder, standard)).hasSize(1);
	}

	@Test
	void oxygenNeedsBothTheLowAndTheHighBand() {
		Threshold oxygen = SetPoints.of("o2", GasType.OXYGEN, 0);
		Threshold onlyLow = new Threshold("o2", List.of(Limit.low(19.5, Level.ORANGE)), 0.1, Delay.ofReadings(2), Delay.NONE);
		assertThat(SetPoints.violations(onlyLow, oxygen)).singleElement().asString().contains("23.5");
	}

	@Test
	void longOnDelayIsRejected() {
		Threshold slow = new Threshold("lel", standard.limits(), 0.5, Delay.ofSeconds(300), Delay.NONE);
		assertThat(SetPoints.violations(slow, standard)).singleElement().asString().contains("on-delay");
	}
}
