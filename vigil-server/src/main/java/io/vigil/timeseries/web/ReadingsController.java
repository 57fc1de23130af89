package io.vigil.timeseries.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.vigil.organisation.CurrentUser;
import io.vigil.platform.InvalidInputException;
import io.vigil.timeseries.ReadingQueries;
import io.vigil.timeseries.ReadingQueries.Page;
import io.vigil.timeseries.ReadingQueries.Resolution;
import io.vigil.timeseries.TimeseriesSettings;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sensor's series ({@code from} inclusive, {@code to} exclusive; default the last 24 h) and the
 * latest values of an asset's or an enterprise's sensors. Raw readings cannot be changed through
 * the API: there is nothing here but GET.
 */
@RestController
class ReadingsController {

	private final ReadingQueries queries;

	private final TimeseriesSettings settings;

	private final Clock clock;

	ReadingsController(ReadingQueries queries, TimeseriesSettings settings, Clock clock) {
		this.queries = queries;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/api/v1/sensors/{code}/readings")
	Page<?> readings(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String resolution, @RequestParam(required = false) Integer limit) {
		Instant end = to == null ? clock.instant() : instant("to", to);
		Instant start = from == null ? end.minus(Duration.ofDays(1)) : instant("from", from);
		if (!start.isBefore(end)) {
			throw new InvalidInputException("from", "from must be before to / 开始时间须早于结束时间");
		}
		int max = limit == null ? settings.queryDefaultLimit() : limit;
		if (max < 1 || max > settings.queryMaxLimit()) {
			throw new InvalidInputException("limit",
					"limit must be between 1 and " + settings.queryMaxLimit() + " / 条数超出范围");
		}
		Resolution level = Resolution.parse(resolution);
		if (level == Resolution.RAW) {
			return queries.raw(user, code, start, end, max);
		}
		return queries.rollups(user, code, level, start, end, max);
	}

	@GetMapping("/api/v1/assets/{code}/latest")
	Map<String, List<ReadingQueries.LatestValue>> assetLatest(@AuthenticationPrincipal CurrentUser user,
			@PathVariable String code) {
		return Map.of("items", queries.latestOfAsset(user, code));
	}

	@GetMapping("/api/v1/enterprises/{code}/latest")
	Map<String, List<ReadingQueries.LatestValue>> enterpriseLatest(@AuthenticationPrincipal CurrentUser user,
			@PathVariable String code) {
		return Map.of("items", queries.latestOfEnterprise(user, code));
	}

	private static Instant instant(String field, String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field,
					field + " must be an ISO-8601 time with offset, e.g. 2024-05-01T08:00:00+08:00 / 时间格式错误");
		}
	}
}
