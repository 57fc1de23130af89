package io.vigil.detection.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.vigil.detection.DetectionSettings;
import io.vigil.detection.RuleSet;
import io.vigil.detection.internal.Compiled.RuleInfo;
import io.vigil.detection.internal.Compiled.Subject;
import io.vigil.detection.internal.RegistryView.AssetEntry;
import io.vigil.detection.internal.RegistryView.SensorEntry;
import io.vigil.engine.Level;
import io.vigil.engine.condition.Condition;
import io.vigil.engine.condition.DataQuality;
import io.vigil.engine.condition.GroupInterruption;
import io.vigil.engine.condition.Interruption;
import io.vigil.engine.condition.Threshold;
import io.vigil.engine.runtime.FixedRuleBook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the rule book from the registry and the enabled rule sets. For each sensor the layers are, from
 * least to most specific: defaults, sensor type, asset type, asset, sensor; a rule replaces the rule of
 * the same name from a less specific layer ({@code enabled: false} switches an inherited rule off).
 * Coupled rules belong to an asset rule set. Every enterprise gets one group-silence rule over all its
 * sensors. Sensors are partitioned by enterprise ({@link Compiled#engineBook}), so an enterprise's and its
 * assets' states share a thread.
 */
@Component
public class RuleCompiler {

	private static final Logger log = LoggerFactory.getLogger(RuleCompiler.class);

	/** Child silence of the group rule: per-sensor interruption rules judge sensors, the group judges only the parent. */
	private static final Duration NEVER = Duration.ofDays(36500);

	private final RegistryView registry;

	private final RuleStore store;

	private final DetectionSettings settings;

	private final Clock clock;

	RuleCompiler(RegistryView registry, RuleStore store, DetectionSettings settings, Clock clock) {
		this.registry = registry;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	public Compiled compile() {
		return compile(registry.load(), layers());
	}

	/** The enabled rule sets, parsed, by {@code scope|target}. */
	Map<String, List<RuleSpec>> layers() {
		RuleJson.WindowSource windows = (lon, lat, metres) -> registry.worksNear(lon, lat, metres, clock.instant());
		Map<String, List<RuleSpec>> layers = new HashMap<>();
		for (RuleStore.Stored stored : store.current()) {
			RuleSet set = stored.set();
			if (!set.enabled()) {
				continue;
			}
			try {
				layers.put(set.scope() + "|" + set.target(),
						RuleJson.parse(set.rules(), "rules", "rule-set " + set.id() + " v" + set.version(), windows));
			}
			catch (RuntimeException e) {
				log.error("Rule set {} v{} ({} {}) is skipped: {}", set.id(), set.version(), set.scope(), set.target(), e.getMessage());
			}
		}
		return layers;
	}

	Compiled compile(RegistryView.Contents contents, Map<String, List<RuleSpec>> layers) {
		Builder b = new Builder(Compiled.EMPTY);
		Map<String, List<String>> byEnterprise = new TreeMap<>();
		for (SensorEntry s : contents.sensors()) {
			byEnterprise.computeIfAbsent(s.enterpriseCode(), e -> new ArrayList<>()).add(s.code());
			sensor(b, s, layers);
		}
		for (AssetEntry asset : contents.assets().values()) {
			List<RuleSpec> specs = layers.get("asset|" + asset.code());
			if (specs == null) {
				continue;
			}
			String key = "asset:" + asset.code();
			b.subjects.put(key, new Subject(null, asset.id(), asset.enterpriseId(), asset.enterpriseCode(), asset.domain(), null, null));
			Target target = new Target(key, 60, null, null, asset.lon(), asset.lat());
			for (RuleSpec spec : specs) {
				if (spec.enabled() && spec.coupled()) {
					if (!b.subjects.keySet().containsAll(spec.sensors())) {
						log.warn("Rule {} of asset {} names unknown sensors {}; skipped", spec.name(), asset.code(), spec.sensors());
						continue;
					}
					b.bind(spec.sensors(), spec, target);
				}
			}
		}
		byEnterprise.forEach((enterprise, children) -> group(b, enterprise, children));
		return b.build(byEnterprise);
	}

	/**
	 * The rules in force with these sensors (new or changed) compiled and merged in, all others untouched; the
	 * group silence of each enterprise they belong to is rebuilt over its new membership. Null when the change
	 * needs a full build: a sensor a coupled rule reads (or on an asset with coupled rules), or one that moved
	 * to another enterprise.
	 */
	Compiled update(Compiled before, List<SensorEntry> changed, Map<String, List<RuleSpec>> layers) {
		Set<String> coupled = new HashSet<>();
		layers.forEach((layer, specs) -> {
			if (layer.startsWith("asset|") && specs.stream().anyMatch(RuleSpec::coupled)) {
				coupled.add(layer.substring("asset|".length()));
				specs.forEach(spec -> coupled.addAll(spec.sensors()));
			}
		});
		Builder b = new Builder(before);
		Map<String, List<String>> byEnterprise = new HashMap<>();
		for (SensorEntry s : changed) {
			Subject known = before.subjects().get(s.code());
			if (coupled.contains(s.code()) || (s.asset() != null && coupled.contains(s.asset()))
					|| (known != null && !known.enterpriseCode().equals(s.enterpriseCode()))) {
				return null;
			}
			List<String> children = byEnterprise.computeIfAbsent(s.enterpriseCode(),
					e -> new ArrayList<>(before.sensorsByEnterprise().getOrDefault(e, List.of())));
			if (known == null) {
				children.add(s.code());
			}
			sensor(b, s, layers);
		}
		Map<String, List<String>> merged = new HashMap<>(before.sensorsByEnterprise());
		byEnterprise.forEach((enterprise, children) -> {
			// Sensors not recompiled keep their rules but follow the enterprise's new group rule.
			for (String child : children) {
				if (!b.bindings.containsKey(child)) {
					List<Condition> kept = new ArrayList<>(before.book().conditionsFor(child));
					kept.removeIf(c -> c instanceof GroupInterruption);
					b.bindings.put(child, kept);
				}
			}
			group(b, enterprise, children);
			merged.put(enterprise, List.copyOf(children));
		});
		return b.build(merged);
	}

	/** One sensor's own rules: defaults overlaid by its type's, asset type's, asset's and its own rule sets. */
	private void sensor(Builder b, SensorEntry s, Map<String, List<RuleSpec>> layers) {
		String enterprise = b.canonical(s.enterpriseCode());
		Long id = s.id(); // boxed once for both maps
		b.codesById.put(id, s.code());
		b.subjects.put(s.code(), new Subject(id, s.assetId(), s.enterpriseId(), enterprise, b.canonical(s.domain()),
				b.canonical(s.rangeMin()), b.canonical(s.rangeMax())));
		b.bindings.put(s.code(), new ArrayList<>(4));
		Map<String, RuleSpec> merged = new LinkedHashMap<>();
		DefaultRules.of(s, settings.interruptionFactor()).forEach(r -> merged.put(r.name(), r));
		overlay(merged, layers.get("sensor_type|" + s.type()));
		overlay(merged, s.assetType() == null ? null : layers.get("asset_type|" + s.assetType()));
		overlay(merged, s.asset() == null ? null : layers.get("asset|" + s.asset()));
		overlay(merged, layers.get("sensor|" + s.code()));
		Target target = new Target(s.code(), s.intervalSeconds(), s.rangeMin(), s.rangeMax(), s.lon(), s.lat());
		for (RuleSpec spec : merged.values()) {
			if (spec.enabled()) {
				b.bind(List.of(s.code()), spec, target);
			}
		}
	}

	private void group(Builder b, String enterprise, List<String> children) {
		String key = "enterprise:" + enterprise;
		Subject any = b.subject(children.get(0));
		b.subjects.put(key, new Subject(null, null, any.enterpriseId(), enterprise, null, null, null));
		// Membership is part of the id (a new sensor gives a new group state instead of a misfit old one), hashed
		// regardless of order so that an incremental and a full build of the same members agree. '~', not '#':
		// the state must not carry over to the new membership.
		long sum = 0;
		for (String child : children) {
			sum += child.hashCode();
		}
		String id = "offline@" + key + "~" + Integer.toHexString(children.size()) + "-" + Long.toHexString(sum);
		GroupInterruption condition = new GroupInterruption(id, key, children, NEVER, settings.enterpriseSilence(),
				Level.BLUE, Level.YELLOW);
		children.forEach(c -> b.bindings.get(c).add(condition));
		b.infos.put(id, new RuleInfo("offline", "group", "default"));
	}

	private static void overlay(Map<String, RuleSpec> merged, List<RuleSpec> layer) {
		if (layer != null) {
			layer.stream().filter(r -> !r.coupled()).forEach(r -> merged.put(r.name(), r));
		}
	}

	/**
	 * Collects one build. Rules of a single sensor whose condition is a plain value (threshold, interruption,
	 * data quality) get an id derived from the condition instead of the sensor: a fleet of one type with the
	 * same set points then shares one condition and one evaluator (the engine keeps their states apart by
	 * sensor), where per-sensor ids cost a condition, an evaluator and an id string for every sensor. The id
	 * is {@code <name>#<hash of source and condition>}, stable across builds and restarts; a changed set point
	 * gives a new id of the same family, whose rule takes over the sensor's state.
	 */
	private static final class Builder {

		final Compiled before;

		final Map<String, List<Condition>> bindings = new LinkedHashMap<>();

		final Map<Long, String> codesById = new HashMap<>();

		final Map<String, Subject> subjects = new HashMap<>();

		final Map<String, RuleInfo> infos = new HashMap<>();

		final Set<String> failed = new HashSet<>();

		/** Conditions built with their name as id, to the shared condition with its real id. */
		final Map<Condition, Condition> shared = new HashMap<>();

		final Map<String, Condition> sharedIds = new HashMap<>();

		/** Equal strings and boxed numbers read from many registry rows, kept once. */
		final Map<Object, Object> values = new HashMap<>();

		Builder(Compiled before) {
			this.before = before;
		}

		@SuppressWarnings("unchecked")
		<T> T canonical(T value) {
			return value == null ? null : (T) values.computeIfAbsent(value, v -> v);
		}

		Subject subject(String key) {
			Subject s = subjects.get(key);
			return s != null ? s : before.subjects().get(key);
		}

		void bind(List<String> sensors, RuleSpec spec, Target target) {
			String id = spec.name() + "@" + target.key();
			Condition condition;
			try {
				condition = spec.factory().build(id, target);
				if (sensors.size() == 1 && shareable(condition)) {
					condition = share(spec, target, condition);
				}
			}
			catch (RuntimeException e) {
				if (failed.add(id)) {
					log.warn("Rule {} ({}) does not fit {}: {}", id, spec.source(), target.key(), e.getMessage());
				}
				return;
			}
			for (String s : sensors) {
				bindings.computeIfAbsent(s, k -> new ArrayList<>(4)).add(condition);
			}
			infos.put(condition.id(), canonical(new RuleInfo(spec.name(), spec.kind(), spec.source())));
		}

		private static boolean shareable(Condition c) {
			return c instanceof Threshold || c instanceof Interruption || c instanceof DataQuality;
		}

		private Condition share(RuleSpec spec, Target target, Condition own) {
			Condition probe = spec.factory().build(spec.name(), target);
			Condition known = shared.get(probe);
			if (known != null) {
				return known;
			}
			String id = spec.name() + "#" + Long.toHexString(hash(spec.source() + "|" + probe));
			Condition condition = spec.factory().build(id, target);
			Condition clash = sharedIds.putIfAbsent(id, probe);
			if (clash != null && !clash.equals(probe)) {
				return own; // two conditions with one 64-bit hash: this one keeps a per-sensor id
			}
			shared.put(probe, condition);
			return condition;
		}

		/** FNV-1a over the text: unlike {@code hashCode} of records holding enums, the same in every JVM. */
		private static long hash(String text) {
			long h = 0xcbf29ce484222325L;
			for (int i = 0; i < text.length(); i++) {
				h = (h ^ text.charAt(i)) * 0x100000001b3L;
			}
			return h;
		}

		Compiled build(Map<String, List<String>> byEnterprise) {
			// no partition keys in the book: the engine book partitions by the subjects' enterprises
			FixedRuleBook book = before.book().with(bindings, Map.of());
			Map<Long, String> codes = new HashMap<>(before.codesById());
			codes.putAll(codesById);
			Map<String, Subject> allSubjects = new HashMap<>(before.subjects());
			allSubjects.putAll(subjects);
			Map<String, RuleInfo> rules = new HashMap<>();
			before.rules().forEach((id, info) -> {
				if (book.rule(id) != null) {
					rules.put(id, info);
				}
			});
			infos.forEach((id, info) -> {
				if (book.rule(id) != null) {
					rules.put(id, info);
				}
			});
			// HashMaps, not Map.copyOf: its linear probing degrades badly on the clustered hash codes of sequential
			// sensor codes and ids (a look-up of one of 100,000 cost milliseconds).
			return new Compiled(book, Collections.unmodifiableMap(codes), Collections.unmodifiableMap(allSubjects),
					Map.copyOf(rules), Map.copyOf(byEnterprise));
		}
	}
}
