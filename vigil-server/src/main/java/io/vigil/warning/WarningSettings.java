package io.vigil.warning;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static io.vigil.warning.Audience.*;

/**
 * Settings of the warning module ({@code vigil.warning.*}); anything not given falls back to the
 * defaults of design.md, field by field.
 *
 * @param scheduler whether escalation runs in the background (tests turn it off and tick by hand)
 * @param tick how often the escalation scheduler looks for overdue warnings
 * @param deadlines per level, e.g. {@code vigil.warning.deadlines.red.acknowledge=5m}
 * @param domainDeadlines per domain and level, e.g. {@code vigil.warning.domain-deadlines.gas.red.clear=1h}
 * @param audiences level-to-recipients matrix, e.g. {@code vigil.warning.audiences.blue=enterprise_operator}
 * @param reviewLevels levels whose clearing the duty center reviews before it takes effect (none by default)
 */
@ConfigurationProperties("vigil.warning")
public record WarningSettings(@DefaultValue("true") boolean scheduler, @DefaultValue("10s") Duration tick,
		Map<WarningLevel, LevelDeadlines> deadlines, Map<String, Map<WarningLevel, LevelDeadlines>> domainDeadlines,
		Map<WarningLevel, List<Audience>> audiences, Set<WarningLevel> reviewLevels) {

	static final Map<WarningLevel, LevelDeadlines> DEFAULT_DEADLINES = Map.of(
			WarningLevel.RED, new LevelDeadlines(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(2)),
			WarningLevel.ORANGE, new LevelDeadlines(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(4)),
			WarningLevel.YELLOW, new LevelDeadlines(Duration.ofMinutes(15), Duration.ofMinutes(60), Duration.ofHours(8)),
			WarningLevel.BLUE, new LevelDeadlines(Duration.ofMinutes(30), Duration.ofMinutes(120), Duration.ofHours(24)));

	static final Map<WarningLevel, List<Audience>> DEFAULT_AUDIENCES = Map.of(
			WarningLevel.BLUE, List.of(ENTERPRISE_OPERATOR),
			WarningLevel.YELLOW, List.of(ENTERPRISE_OPERATOR, ENTERPRISE_TECHNICAL, JURISDICTION, REGULATOR),
			WarningLevel.ORANGE, List.of(ENTERPRISE_OPERATOR, ENTERPRISE_TECHNICAL, JURISDICTION, REGULATOR,
					ENTERPRISE_PRINCIPAL, DUTY_CENTER, DISTRICT_BUREAU),
			WarningLevel.RED, List.of(ENTERPRISE_OPERATOR, ENTERPRISE_TECHNICAL, JURISDICTION, REGULATOR,
					ENTERPRISE_PRINCIPAL, DUTY_CENTER, DISTRICT_BUREAU, LEADERS));

	public WarningSettings {
		Map<WarningLevel, LevelDeadlines> merged = new EnumMap<>(WarningLevel.class);
		for (WarningLevel level : WarningLevel.values()) {
			LevelDeadlines given = deadlines == null ? null : deadlines.get(level);
			merged.put(level, given == null ? DEFAULT_DEADLINES.get(level) : given.orElse(DEFAULT_DEADLINES.get(level)));
		}
		deadlines = Map.copyOf(merged);
		Map<String, Map<WarningLevel, LevelDeadlines>> domains = new HashMap<>();
		if (domainDeadlines != null) {
			domainDeadlines.forEach((domain, byLevel) -> {
				Map<WarningLevel, LevelDeadlines> levels = new EnumMap<>(WarningLevel.class);
				byLevel.forEach((level, d) -> levels.put(level, d.orElse(merged.get(level))));
				domains.put(domain, Map.copyOf(levels));
			});
		}
		domainDeadlines = Map.copyOf(domains);
		Map<WarningLevel, List<Audience>> matrix = new EnumMap<>(WarningLevel.class);
		for (WarningLevel level : WarningLevel.values()) {
			List<Audience> given = audiences == null ? null : audiences.get(level);
			matrix.put(level, List.copyOf(given == null ? DEFAULT_AUDIENCES.get(level) : given));
		}
		audiences = Map.copyOf(matrix);
		reviewLevels = reviewLevels == null ? Set.of() : Set.copyOf(reviewLevels);
	}

	/** The deadlines for a level, specialised for the domain where configured. */
	public LevelDeadlines deadlinesFor(WarningLevel level, String domain) {
		Map<WarningLevel, LevelDeadlines> byDomain = domain == null ? null : domainDeadlines.get(domain);
		LevelDeadlines specific = byDomain == null ? null : byDomain.get(level);
		return specific != null ? specific : deadlines.get(level);
	}

	/** Who a warning of this level reaches, widened {@code tier} levels up by escalation. */
	public List<Audience> audienceFor(WarningLevel level, int tier) {
		WarningLevel widened = level;
		for (int i = 0; i < tier; i++) {
			widened = widened.raised();
		}
		return audiences.get(widened);
	}
}
