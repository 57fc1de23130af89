package io.vigil.ingest.hj212;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a data upload (2011, 2051, 2061, 2031) into readings of Vigil sensors through a {@link Hj212Mapping}.
 *
 * <p>A value becomes a reading when its {@code code-Field} is mapped, or when its field is the data type's main
 * one and its bare code is mapped. A main value with no mapping is rejected (the logger sends something nobody
 * configured); other unmapped fields ({@code Min}, {@code Max}...) are simply not wanted and are skipped. Every
 * unreadable {@code CP} item is rejected; without a valid {@code DataTime} every value is rejected. Frames that
 * are not data uploads convert to nothing. Values and flags pass through unchanged: judging them is not this
 * class's job.
 */
public final class Hj212ReadingConverter {

	private final Hj212Mapping mapping;

	public Hj212ReadingConverter(Hj212Mapping mapping) {
		this.mapping = mapping;
	}

	public Hj212Conversion convert(Hj212Frame frame) {
		Optional<Hj212DataType> type = frame.dataType();
		if (type.isEmpty()) {
			return new Hj212Conversion(List.of(), List.of());
		}
		String mn = frame.header().mn();
		List<Hj212Reading> readings = new ArrayList<>();
		List<Hj212Rejection> rejections = new ArrayList<>();
		frame.problems().forEach(problem -> rejections.add(new Hj212Rejection(mn, problem.key(),
				problem.reason() + " (was '" + problem.raw() + "')")));
		boolean knownMn = mapping.knows(mn);
		for (Hj212Value value : frame.values()) {
			String item = value.code() + "-" + value.field();
			boolean main = value.field().equals(type.get().primaryField());
			Optional<String> sensor = mapping.sensor(mn, item).or(() -> main ? mapping.sensor(mn, value.code()) : Optional.empty());
			if (sensor.isEmpty()) {
				if (!knownMn) {
					rejections.add(new Hj212Rejection(mn, item, "no sensor is mapped for data logger MN " + mn));
				}
				else if (main) {
					rejections.add(new Hj212Rejection(mn, item, "no sensor is mapped for code " + value.code() + " of MN " + mn));
				}
				continue;
			}
			if (frame.dataTime() == null) {
				rejections.add(new Hj212Rejection(mn, item, "the frame has no valid DataTime"));
				continue;
			}
			readings.add(new Hj212Reading(sensor.get(), frame.dataTime(), value.value(), value.flag()));
		}
		return new Hj212Conversion(readings, rejections);
	}
}
