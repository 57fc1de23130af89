package io.vigil.detection.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import io.vigil.engine.condition.GroupInterruption;
import io.vigil.engine.runtime.FixedRuleBook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Builds the rule book from the registry and the enabled rule sets. For each sensor the layers are, from
 * least to most specific: defaults, sensor type, asset type, asset, sensor; a rule replaces the rule of
 * the same name from a less specific layer ({@code enabled: false} switches an inherited rule off).
 * Coupled rules belong to an asset rule set. Every enterprise gets one group-silence rule over all its
 * sensors. Sensors are partitioned by enterprise, so an enterprise's and its assets' states share a thread.
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
		RegistryView.Contents contents = registry.load();
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
		Builder b = new Builder();
		Map<String, List<String>> byEnterprise = new TreeMap<>();
		for (SensorEntry s : contents.sensors()) {
			b.codesById.put(s.id(), s.code());
			b.subjects.put(s.code(), new Subject(s.id(), s.assetId(), s.enterpriseId(), s.enterpriseCode(), s.domain(),
					s.rangeMin(), s.rangeMax()));
			byEnterprise.computeIfAbsent(s.enterpriseCode(), e -> new ArrayList<>()).add(s.code());
			b.rules.partition(s.code(), s.enterpriseCode());
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
		byEnterprise.forEach((enterprise, children) -> group(b, enterprise, children, contents));
		return new Compiled(b.rules.build(), Map.copyOf(b.codesById), Map.copyOf(b.subjects), Map.copyOf(b.infos),
				Map.copyOf(byEnterprise), Set.copyOf(b.infos.keySet()));
	}

	private void group(Builder b, String enterprise, List<String> children, RegistryView.Contents contents) {
		String key = "enterprise:" + enterprise;
		Subject any = b.subjects.get(children.get(0));
		b.subjects.put(key, new Subject(null, null, any.enterpriseId(), enterprise, null, null, null));
		// Membership is part of the id: a new sensor gives a new group state instead of a misfit old one.
		String id = "offline@" + key + "#" + Integer.toHexString(new ArrayList<>(children).hashCode());
		GroupInterruption condition = new GroupInterruption(id, key, children, NEVER, settings.enterpriseSilence(),
				Level.BLUE, Level.YELLOW);
		children.forEach(c -> b.rules.bind(c, condition));
		b.infos.put(id, new RuleInfo("offline", "group", "default"));
	}

	private static void overlay(Map<String, RuleSpec> merged, List<RuleSpec> layer) {
		if (layer != null) {
			layer.stream().filter(r -> !r.coupled()).forEach(r -> merged.put(r.name(), r));
		}
	}

	private static final class Builder {

		final FixedRuleBook.Builder rules = FixedRuleBook.builder();

		final Map<Long, String> codesById = new HashMap<>();

		final Map<String, Subject> subjects = new HashMap<>();

		final Map<String, RuleInfo> infos = new HashMap<>();

		final Set<String> failed = new HashSet<>();

		void bind(List<String> sensors, RuleSpec spec, Target target) {
			String id = spec.name() + "@" + target.key();
			Condition condition;
			try {
				condition = spec.factory().build(id, target);
			}
			catch (RuntimeException e) {
				if (failed.add(id)) {
					log.warn("Rule {} ({}) does not fit {}: {}", id, spec.source(), target.key(), e.getMessage());
				}
				return;
			}
			sensors.forEach(s -> rules.bind(s, condition));
			infos.put(id, new RuleInfo(spec.name(), spec.kind(), spec.source()));
		}
	}
}
