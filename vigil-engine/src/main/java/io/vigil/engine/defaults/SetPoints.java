package io.vigil.engine.defaults;

import io.vigil.engine.Level;
import io.vigil.engine.condition.Bound;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Standard alarm set points per gas-detector type and the rule that an enterprise may tighten them,
 * never loosen them.
 *
 * <p>Sources: GB/T 50493-2019 (石油化工可燃气体和有毒气体检测报警设计标准) §5.5.2 — combustible gas first
 * alarm ≤ 25 %LEL, second ≤ 50 %LEL; toxic gas first ≤ 100 % OEL, second ≤ 200 % OEL; oxygen-deficiency
 * 19.5 %VOL and oxygen-enrichment 23.5 %VOL. Grading is ours: the first alarm is <b>yellow</b> (一般: the
 * atmosphere is not yet dangerous, the operator must act), the second <b>orange</b> (较大: a quarter of
 * the way to explosion, evacuation territory); red is left to coupled models and to escalation, which see
 * more than one detector. Oxygen outside its band is orange.
 */
public final class SetPoints {

	private SetPoints() {
	}

	/** Detector types with standard set points. */
	public enum GasType { COMBUSTIBLE, TOXIC, OXYGEN }

	/** Two consecutive readings confirm an alarm: one noisy sample must not raise it. */
	private static final Delay ON = Delay.ofReadings(2);

	/**
	 * The default threshold for a detector type.
	 *
	 * @param id  rule id
	 * @param oel occupational exposure limit of the toxic gas in the detector's unit (ignored for other types)
	 */
	public static Threshold of(String id, GasType type, double oel) {
		return switch (type) {
			case COMBUSTIBLE -> new Threshold(id, List.of(Limit.high(25, Level.YELLOW), Limit.high(50, Level.ORANGE)), 0.5, ON, Delay.ofReadings(2));
			case TOXIC -> new Threshold(id, List.of(Limit.high(oel, Level.YELLOW), Limit.high(2 * oel, Level.ORANGE)), 0.02 * oel, ON, Delay.ofReadings(2));
			case OXYGEN -> new Threshold(id, List.of(Limit.low(19.5, Level.ORANGE), Limit.high(23.5, Level.ORANGE)), 0.1, ON, Delay.ofReadings(2));
		};
	}

	/**
	 * Checks an enterprise's proposed threshold against the default: every default limit must be
	 * covered by a proposed limit on the same side that is at least as strict (a high limit not above,
	 * a low limit not below the default) and at least as severe; the proposal's on-delay must not be
	 * longer in readings than the default's plus 3, nor longer than 60 s.
	 *
	 * @return the reasons it is rejected (Chinese / English in one line each); empty when accepted
	 */
	public static List<String> violations(Threshold proposed, Threshold standard) {
		List<String> reasons = new ArrayList<>();
		for (Limit required : standard.limits()) {
			Optional<Limit> cover = proposed.limits().stream()
					.filter(l -> l.bound() == required.bound() && l.level().atLeast(required.level()))
					.filter(l -> required.bound() == Bound.HIGH ? l.value() <= required.value() : l.value() >= required.value())
					.findAny();
			if (cover.isEmpty()) {
				reasons.add("放宽了标准限值：缺少" + required.bound().zh() + " " + required.value() + " 且不低于" + required.level().zh() + "的报警 / "
						+ "loosens the standard: no " + required.bound().en() + " limit at or stricter than " + required.value()
						+ " with level " + required.level().en() + " or higher");
			}
		}
		if (proposed.deadband() > Math.max(standard.deadband() * 2, 0) && proposed.deadband() > standard.deadband()) {
			reasons.add("回差 " + proposed.deadband() + " 超过标准回差的两倍 / deadband " + proposed.deadband() + " is more than twice the standard " + standard.deadband());
		}
		if (proposed.onDelay().readings() > standard.onDelay().readings() + 3 || proposed.onDelay().duration().getSeconds() > 60) {
			reasons.add("报警延时过长（" + proposed.onDelay() + "）/ on-delay too long (" + proposed.onDelay() + ")");
		}
		return reasons;
	}
}
