package io.vigil.detection.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.vigil.engine.Level;
import io.vigil.engine.condition.Bound;
import io.vigil.engine.condition.ConstructionIntrusion;
import io.vigil.engine.condition.Delay;
import io.vigil.engine.condition.GasWithPressureDrop;
import io.vigil.engine.condition.Interruption;
import io.vigil.engine.condition.Limit;
import io.vigil.engine.condition.MassBalanceLeak;
import io.vigil.engine.condition.RateOfChange;
import io.vigil.engine.condition.RobustAnomaly;
import io.vigil.engine.condition.Threshold;
import io.vigil.engine.condition.Trend;
import io.vigil.platform.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON form of rules into {@link RuleSpec}s. Shapes are documented on {@code RuleSets}; the
 * parameter checks are the engine's own (its constructors' messages are passed on as the reason), so
 * the API and the engine can never disagree about what a valid rule is.
 */
public final class RuleJson {

	/** Rule kinds that judge several sensors together and so belong to an asset. */
	public static final Set<String> COUPLED = Set.of("mass_balance_leak", "gas_with_pressure_drop", "construction_intrusion");

	public static final List<String> KINDS = List.of("threshold", "rate", "trend", "interruption", "data_quality",
			"mass_balance_leak", "gas_with_pressure_drop", "construction_intrusion", "robust_anomaly");

	private static final Set<String> COMMON = Set.of("kind", "name", "enabled");

	/** Construction windows near a place, from the registry. */
	@FunctionalInterface
	public interface WindowSource {

		List<ConstructionIntrusion.Window> near(double lon, double lat, double metres);
	}

	private RuleJson() {
	}

	/** Parses and fully validates (by building each rule for {@link Target#SAMPLE}) an array of rules. */
	public static List<RuleSpec> parse(JsonNode rules, String path, String source, WindowSource windows) {
		if (rules == null || !rules.isArray()) {
			throw new InvalidInputException(path, "must be an array of rules / 须为规则数组");
		}
		List<RuleSpec> specs = new ArrayList<>();
		Set<String> names = new HashSet<>();
		int i = 0;
		for (JsonNode rule : rules) {
			String at = path + "[" + i++ + "]";
			RuleSpec spec = one(new JsonFields(rule, at), source, windows);
			if (!names.add(spec.name())) {
				throw new InvalidInputException(at + ".name", "two rules named '" + spec.name() + "' in one rule set / 规则名重复");
			}
			try {
				spec.factory().build("validate", Target.SAMPLE);
			}
			catch (IllegalArgumentException | NullPointerException e) {
				throw new InvalidInputException(at, e.getMessage() + " / 参数不合法");
			}
			specs.add(spec);
		}
		return specs;
	}

	private static RuleSpec one(JsonFields f, String source, WindowSource windows) {
		String kind = f.requiredText("kind");
		if (!KINDS.contains(kind)) {
			throw new InvalidInputException(f.path("kind"), "unknown kind '" + kind + "'; known: " + KINDS + " / 未知规则类型");
		}
		String name = f.text("name", kind);
		boolean enabled = f.bool("enabled", true);
		List<String> sensors = List.of();
		RuleSpec.Factory factory;
		switch (kind) {
			case "threshold" -> factory = threshold(f);
			case "rate" -> {
				allow(f, "window", "maxRisePerMinute", "maxFallPerMinute", "onReadings", "level");
				Duration window = f.duration("window", Duration.ofMinutes(5));
				double rise = f.number("maxRisePerMinute", Double.NaN), fall = f.number("maxFallPerMinute", Double.NaN);
				int on = f.integer("onReadings", 1);
				Level level = f.level("level", Level.YELLOW);
				factory = (id, t) -> new RateOfChange(id, window, rise, fall, on, level);
			}
			case "trend" -> {
				allow(f, "bound", "threshold", "window", "minReadings", "horizon", "level");
				Bound bound = bound(f, "bound");
				double threshold = f.requiredNumber("threshold");
				Duration window = f.duration("window", Duration.ofMinutes(30));
				int min = f.integer("minReadings", 5);
				Duration horizon = f.duration("horizon", Duration.ofHours(1));
				Level level = f.level("level", Level.BLUE);
				factory = (id, t) -> new Trend(id, bound, threshold, window, min, horizon, level);
			}
			case "interruption" -> {
				allow(f, "interval", "factor", "level");
				Duration interval = f.has("interval") ? f.duration("interval", null) : null;
				int factor = f.integer("factor", 3);
				Level level = f.level("level", Level.BLUE);
				factory = (id, t) -> new Interruption(id, interval != null ? interval : Duration.ofSeconds(t.intervalSeconds()), factor, level);
			}
			case "data_quality" -> factory = dataQuality(f);
			case "robust_anomaly" -> {
				allow(f, "window", "season", "zLimit", "onReadings", "level", "beyondEnvelope");
				int window = f.integer("window", 60), season = f.integer("season", 0), on = f.integer("onReadings", 3);
				double z = f.number("zLimit", 6);
				Level level = f.level("level", Level.BLUE);
				boolean envelope = f.bool("beyondEnvelope", true);
				factory = (id, t) -> new RobustAnomaly(id, window, season, z, on, level, envelope);
			}
			case "mass_balance_leak" -> {
				allow(f, "inletPressure", "outletPressure", "inletFlow", "outletFlow", "window", "expectedImbalance",
						"minPressureDrop", "persistence");
				String pIn = f.requiredText("inletPressure"), pOut = f.requiredText("outletPressure");
				String qIn = f.requiredText("inletFlow"), qOut = f.requiredText("outletFlow");
				Duration window = f.duration("window", Duration.ofMinutes(10));
				double imbalance = f.requiredNumber("expectedImbalance"), drop = f.requiredNumber("minPressureDrop");
				Duration persistence = f.duration("persistence", Duration.ofMinutes(15));
				sensors = List.of(pIn, pOut, qIn, qOut);
				factory = (id, t) -> new MassBalanceLeak(id, t.key(), pIn, pOut, qIn, qOut, window, imbalance, drop, persistence);
			}
			case "gas_with_pressure_drop" -> {
				allow(f, "gasSensor", "pressureSensor", "gasThreshold", "minPressureDrop", "window", "level");
				String gas = f.requiredText("gasSensor"), pressure = f.requiredText("pressureSensor");
				double threshold = f.number("gasThreshold", 25), drop = f.requiredNumber("minPressureDrop");
				Duration window = f.duration("window", Duration.ofMinutes(10));
				Level level = f.level("level", Level.RED);
				sensors = List.of(gas, pressure);
				factory = (id, t) -> new GasWithPressureDrop(id, t.key(), gas, pressure, threshold, drop, window, level);
			}
			case "construction_intrusion" -> {
				allow(f, "vibrationSensor", "eventThreshold", "windows", "nearMetres", "insideLevel", "outsideLevel", "quiet");
				String vibration = f.requiredText("vibrationSensor");
				double event = f.requiredNumber("eventThreshold");
				List<ConstructionIntrusion.Window> given = windows(f);
				double near = f.number("nearMetres", given == null ? 200 : 0);
				Level inside = f.level("insideLevel", Level.BLUE), outside = f.level("outsideLevel", Level.ORANGE);
				Duration quiet = f.duration("quiet", Duration.ofMinutes(10));
				sensors = List.of(vibration);
				factory = (id, t) -> new ConstructionIntrusion(id, t.key(), vibration, event,
						given != null ? given : t.lon() == null ? List.of() : windows.near(t.lon(), t.lat(), near),
						inside, outside, quiet);
			}
			default -> throw new IllegalStateException(kind);
		}
		return new RuleSpec(name, kind, enabled, sensors, factory, source);
	}

	private static RuleSpec.Factory threshold(JsonFields f) {
		allow(f, "limits", "deadband", "onDelay", "offDelay");
		JsonNode limits = f.node("limits");
		if (limits == null || !limits.isArray() || limits.isEmpty()) {
			throw new InvalidInputException(f.path("limits"), "needs at least one limit {bound, value, level} / 至少一个限值");
		}
		List<Limit> parsed = new ArrayList<>();
		int i = 0;
		for (JsonNode limit : limits) {
			JsonFields l = new JsonFields(limit, f.path("limits") + "[" + i++ + "]");
			l.allowOnly(Set.of("bound", "value", "level"));
			parsed.add(new Limit(bound(l, "bound"), l.requiredNumber("value"), l.level("level", null)));
		}
		double deadband = f.number("deadband", 0);
		Delay on = delay(f, "onDelay", Delay.ofReadings(2));
		Delay off = delay(f, "offDelay", Delay.ofReadings(2));
		return (id, t) -> new Threshold(id, parsed, deadband, on, off);
	}

	private static RuleSpec.Factory dataQuality(JsonFields f) {
		allow(f, "physicalMin", "physicalMax", "flatlineReadings", "flatlineTolerance", "maxStep", "invalidReadings", "level");
		Double min = f.has("physicalMin") ? f.number("physicalMin", 0) : null;
		Double max = f.has("physicalMax") ? f.number("physicalMax", 0) : null;
		int flat = f.integer("flatlineReadings", 0), invalid = f.integer("invalidReadings", 1);
		double tolerance = f.number("flatlineTolerance", 0), step = f.number("maxStep", Double.NaN);
		Level level = f.level("level", Level.BLUE);
		return (id, t) -> new io.vigil.engine.condition.DataQuality(id,
				min != null ? min : t.rangeMin() != null ? t.rangeMin() : Double.NEGATIVE_INFINITY,
				max != null ? max : t.rangeMax() != null ? t.rangeMax() : Double.POSITIVE_INFINITY, flat, tolerance, step,
				invalid, level);
	}

	private static Delay delay(JsonFields f, String field, Delay fallback) {
		if (!f.has(field)) {
			return fallback;
		}
		JsonFields d = new JsonFields(f.node(field), f.path(field));
		d.allowOnly(Set.of("readings", "seconds"));
		try {
			return new Delay(Duration.ofMillis(Math.round(d.number("seconds", 0) * 1000)), d.integer("readings", 1));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException(f.path(field), e.getMessage());
		}
	}

	private static List<ConstructionIntrusion.Window> windows(JsonFields f) {
		if (!f.has("windows")) {
			return null;
		}
		List<ConstructionIntrusion.Window> list = new ArrayList<>();
		int i = 0;
		for (JsonNode w : f.node("windows")) {
			JsonFields wf = new JsonFields(w, f.path("windows") + "[" + i++ + "]");
			wf.allowOnly(Set.of("from", "to", "permit"));
			try {
				list.add(new ConstructionIntrusion.Window(wf.instant("from"), wf.instant("to"), wf.text("permit", null)));
			}
			catch (IllegalArgumentException e) {
				throw new InvalidInputException(wf.path("to"), e.getMessage());
			}
		}
		return list;
	}

	private static Bound bound(JsonFields f, String field) {
		String v = f.requiredText(field);
		if (v.equals("high") || v.equals("low")) {
			return Bound.valueOf(v.toUpperCase(java.util.Locale.ROOT));
		}
		throw new InvalidInputException(f.path(field), "must be 'high' or 'low', was '" + v + "' / 须为 high 或 low");
	}

	private static void allow(JsonFields f, String... fields) {
		Set<String> known = new HashSet<>(COMMON);
		known.addAll(List.of(fields));
		f.allowOnly(known);
	}
}
