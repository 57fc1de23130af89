package io.vigil.detection.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/** Detection's meters under {@code vigil.detection.*}: what went in, what came out, and what was lost where. */
@Component
public class DetectionMetrics {

	final Counter readings;

	final Counter readingsDropped;

	final Counter unknownSensors;

	final Counter outcomes;

	final Counter outcomesInhibited;

	final Counter outcomesUnmapped;

	final Counter reportsLost;

	final Counter reportsFailed;

	/** Full builds by cause: rule sets changed (or start), the periodic safety net, a registry change only a full build covers. */
	final Counter fullBuildsForRules, fullBuildsOnSchedule, fullBuildsForRegistry;

	final Counter incrementalBuilds;

	DetectionMetrics(MeterRegistry registry) {
		readings = Counter.builder("vigil.detection.readings").description("Readings handed to the engine").register(registry);
		readingsDropped = Counter.builder("vigil.detection.readings.dropped")
			.description("Stored readings not judged because the hand-off stayed full").register(registry);
		unknownSensors = Counter.builder("vigil.detection.readings.unknown")
			.description("Readings of sensors absent from the rule book even after a reload").register(registry);
		outcomes = Counter.builder("vigil.detection.outcomes").description("Engine outcomes").register(registry);
		outcomesInhibited = Counter.builder("vigil.detection.outcomes.inhibited")
			.description("Sensor offline outcomes folded into their enterprise's offline warning").register(registry);
		outcomesUnmapped = Counter.builder("vigil.detection.outcomes.unmapped")
			.description("Outcomes about objects or rules no longer in the rule book").register(registry);
		reportsLost = Counter.builder("vigil.detection.reports.lost")
			.description("Condition reports dropped because the hand-off to warnings stayed full").register(registry);
		reportsFailed = Counter.builder("vigil.detection.reports.failed")
			.description("Condition reports the warning module refused after retries").register(registry);
		fullBuildsForRules = fullBuilds(registry, "rules");
		fullBuildsOnSchedule = fullBuilds(registry, "schedule");
		fullBuildsForRegistry = fullBuilds(registry, "registry");
		incrementalBuilds = Counter.builder("vigil.detection.rules.builds").tag("kind", "incremental").tag("cause", "registry")
			.description("Rule builds of new or changed sensors merged into the rules in force").register(registry);
	}

	private static Counter fullBuilds(MeterRegistry registry, String cause) {
		return Counter.builder("vigil.detection.rules.builds").tag("kind", "full").tag("cause", cause)
			.description("Rule builds of the whole registry").register(registry);
	}
}
