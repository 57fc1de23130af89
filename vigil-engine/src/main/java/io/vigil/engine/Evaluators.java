package io.vigil.engine;

import io.vigil.engine.condition.Condition;
import io.vigil.engine.condition.ConstructionIntrusion;
import io.vigil.engine.condition.DataQuality;
import io.vigil.engine.condition.GasWithPressureDrop;
import io.vigil.engine.condition.GroupInterruption;
import io.vigil.engine.condition.Interruption;
import io.vigil.engine.condition.MassBalanceLeak;
import io.vigil.engine.condition.PcaAnomaly;
import io.vigil.engine.condition.RateOfChange;
import io.vigil.engine.condition.RobustAnomaly;
import io.vigil.engine.condition.Threshold;
import io.vigil.engine.condition.Trend;
import io.vigil.engine.pipeline.ConstructionIntrusionEvaluator;
import io.vigil.engine.pipeline.GasWithPressureDropEvaluator;
import io.vigil.engine.pipeline.MassBalanceLeakEvaluator;
import io.vigil.engine.rule.DataQualityEvaluator;
import io.vigil.engine.rule.GroupInterruptionEvaluator;
import io.vigil.engine.rule.InterruptionEvaluator;
import io.vigil.engine.rule.RateOfChangeEvaluator;
import io.vigil.engine.rule.ThresholdEvaluator;
import io.vigil.engine.rule.TrendEvaluator;
import io.vigil.engine.stats.PcaAnomalyEvaluator;
import io.vigil.engine.stats.RobustAnomalyEvaluator;

/** The one place that knows which evaluator judges which kind of condition. */
public final class Evaluators {

	private Evaluators() {
	}

	/** A new evaluator for {@code condition}; evaluators are immutable and may be shared across threads. */
	public static Evaluator<?> of(Condition condition) {
		// Java 17 has no pattern switch; EvaluatorsTest checks that every permitted condition is covered.
		if (condition instanceof Threshold c) {
			return new ThresholdEvaluator(c);
		} else if (condition instanceof RateOfChange c) {
			return new RateOfChangeEvaluator(c);
		} else if (condition instanceof Interruption c) {
			return new InterruptionEvaluator(c);
		} else if (condition instanceof GroupInterruption c) {
			return new GroupInterruptionEvaluator(c);
		} else if (condition instanceof DataQuality c) {
			return new DataQualityEvaluator(c);
		} else if (condition instanceof Trend c) {
			return new TrendEvaluator(c);
		} else if (condition instanceof MassBalanceLeak c) {
			return new MassBalanceLeakEvaluator(c);
		} else if (condition instanceof GasWithPressureDrop c) {
			return new GasWithPressureDropEvaluator(c);
		} else if (condition instanceof ConstructionIntrusion c) {
			return new ConstructionIntrusionEvaluator(c);
		} else if (condition instanceof RobustAnomaly c) {
			return new RobustAnomalyEvaluator(c);
		} else if (condition instanceof PcaAnomaly c) {
			return new PcaAnomalyEvaluator(c);
		}
		throw new IllegalArgumentException("no evaluator for " + condition.getClass().getName());
	}
}
