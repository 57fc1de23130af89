package io.vigil.warning;

import java.time.Duration;

/**
 * How long one level allows for each handling step, counted from the warning's first report.
 *
 * @param acknowledge until 签收
 * @param feedback until the first on-site report (现场核实 or 反馈)
 * @param clear until 消警
 */
public record LevelDeadlines(Duration acknowledge, Duration feedback, Duration clear) {

	LevelDeadlines orElse(LevelDeadlines fallback) {
		return new LevelDeadlines(acknowledge == null ? fallback.acknowledge : acknowledge,
				feedback == null ? fallback.feedback : feedback, clear == null ? fallback.clear : clear);
	}
}
