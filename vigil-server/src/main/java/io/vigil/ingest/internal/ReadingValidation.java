package io.vigil.ingest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.vigil.ingest.IngestSettings;
import io.vigil.ingest.RawReading;
import io.vigil.ingest.RejectCode;
import io.vigil.ingest.Rejection;
import io.vigil.ingest.Sender;
import io.vigil.registry.SensorCatalog;
import io.vigil.registry.SensorInfo;
import io.vigil.timeseries.SensorReading;

import org.springframework.stereotype.Component;

/**
 * Judges each raw item on its own, so that one bad item never spoils its neighbours: it becomes a
 * {@link SensorReading} (values outside the physical range and invalid HJ 212 flags are kept, flagged) or a
 * {@link Rejection} with a precise reason.
 */
@Component
public class ReadingValidation {

	/** HJ 212-2017 quality letters: N (normal) and S (set value) are valid; the others mark the value invalid. */
	private static final String VALID_FLAGS = "NS";

	private static final String INVALID_FLAGS = "FMDCTB";

	/**
	 * One string per flag letter, shared by all readings: the parser's copy of each reading's letter then dies young,
	 * and a sensor's latest value stores its flag only when the letter changes.
	 */
	private static final String[] FLAGS = new String[128];

	static {
		for (char letter : (VALID_FLAGS + INVALID_FLAGS).toCharArray()) {
			FLAGS[letter] = String.valueOf(letter);
		}
	}

	private final SensorCatalog catalog;

	private final Clock clock;

	private final Duration maxFuture;

	private final Duration maxPast;

	ReadingValidation(SensorCatalog catalog, Clock clock, IngestSettings settings) {
		this.catalog = catalog;
		this.clock = clock;
		this.maxFuture = settings.maxFuture();
		this.maxPast = settings.maxPast();
	}

	/** The batch split into readings to store and items refused, each refusal with the item's index. */
	public record Checked(List<SensorReading> readings, List<Rejection> rejections) {
	}

	public Checked check(Sender sender, List<RawReading> items) {
		Instant now = clock.instant();
		Instant latest = now.plus(maxFuture);
		Instant earliest = now.minus(maxPast);
		List<SensorReading> readings = new ArrayList<>(items.size());
		List<Rejection> rejections = new ArrayList<>();
		// One round trip for the batch's sensors not cached yet, instead of one per sensor.
		List<String> codes = new ArrayList<>(items.size());
		for (RawReading item : items) {
			codes.add(item.sensor());
		}
		List<Optional<SensorInfo>> sensors = catalog.load(codes);
		for (int i = 0; i < items.size(); i++) {
			RawReading item = items.get(i);
			Rejection rejection = problem(i, sender, item, sensors.get(i), earliest, latest);
			if (rejection != null) {
				rejections.add(rejection);
				continue;
			}
			SensorInfo sensor = sensors.get(i).orElseThrow();
			String flag = FLAGS[item.flag() == null ? 'N' : item.flag().charAt(0)]; // a letter problem() accepted
			readings.add(new SensorReading(sensor.id(), item.ts(), item.value(), flag, VALID_FLAGS.contains(flag),
					!sensor.inRange(item.value()), sensor.domain()));
		}
		return new Checked(readings, rejections);
	}

	private Rejection problem(int index, Sender sender, RawReading item, Optional<SensorInfo> sensor, Instant earliest,
			Instant latest) {
		if (item.unreadable() != null) {
			return new Rejection(index, RejectCode.UNREADABLE, item.unreadable());
		}
		if (item.sensor() == null || item.sensor().isEmpty()) {
			return new Rejection(index, RejectCode.MISSING_FIELD, "sensor is missing / 缺少传感器编码");
		}
		if (item.ts() == null) {
			return new Rejection(index, RejectCode.MISSING_FIELD, "ts is missing / 缺少时间");
		}
		if (item.value() == null) {
			return new Rejection(index, RejectCode.MISSING_FIELD, "value is missing / 缺少数值");
		}
		if (!Double.isFinite(item.value())) {
			return new Rejection(index, RejectCode.NOT_FINITE,
					"value " + item.value() + " is not a finite number / 数值无效");
		}
		String flag = item.flag();
		if (flag != null && (flag.length() != 1 || (VALID_FLAGS + INVALID_FLAGS).indexOf(flag.charAt(0)) < 0)) {
			return new Rejection(index, RejectCode.BAD_FLAG, "flag '" + abbreviate(flag)
					+ "' is not an HJ 212 flag (N, S valid; F, M, D, C, T, B invalid) / 数据标记无效");
		}
		if (item.ts().isAfter(latest)) {
			return new Rejection(index, RejectCode.TOO_FAR_FUTURE, "ts " + item.ts() + " is more than " + maxFuture
					+ " ahead of the server clock / 时间超前");
		}
		if (item.ts().isBefore(earliest)) {
			return new Rejection(index, RejectCode.TOO_FAR_PAST, "ts " + item.ts() + " is more than " + maxPast
					+ " in the past / 时间过早");
		}
		if (sensor.isEmpty()) {
			return new Rejection(index, RejectCode.UNKNOWN_SENSOR,
					"unknown sensor '" + abbreviate(item.sensor()) + "' / 传感器不存在");
		}
		if (sensor.get().enterpriseId() != sender.enterpriseId()) {
			return new Rejection(index, RejectCode.FOREIGN_SENSOR, "sensor '" + abbreviate(item.sensor())
					+ "' does not belong to enterprise " + sender.enterpriseCode() + " / 传感器不属于本企业");
		}
		return null;
	}

	static String abbreviate(String text) {
		return text.length() <= 80 ? text : text.substring(0, 80) + "…";
	}
}
