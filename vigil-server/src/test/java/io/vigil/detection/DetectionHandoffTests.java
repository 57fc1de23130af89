package io.vigil.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.VigilTest;
import io.vigil.detection.internal.ReadingFeed;
import io.vigil.timeseries.SensorReading;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@VigilTest
@TestPropertySource(properties = "vigil.detection.handoff-capacity=10")
@DirtiesContext
class DetectionHandoffTests {

	@Autowired
	ReadingFeed feed;

	@Autowired
	MeterRegistry meters;

	@Test
	void storedReadingsTheHandoffHasNoRoomForAreCountedAsNotJudged() {
		// Stopped, the feed no longer drains the hand-off and no longer waits for room in it.
		feed.stop();
		double before = notJudged();
		List<SensorReading> readings = new ArrayList<>();
		for (int i = 0; i < 35; i++) {
			readings.add(new SensorReading(1, Instant.parse("2025-06-01T00:00:00Z").plusSeconds(i), i, "N", true, false,
					null));
		}

		feed.stored(readings);

		// Room for 10 readings: the first chunk of 10 goes in, the other 25 are counted, not lost silently.
		assertThat(notJudged() - before).isEqualTo(25);
		feed.stored(readings.subList(0, 1));
		assertThat(notJudged() - before).isEqualTo(26);
	}

	private double notJudged() {
		return meters.counter("vigil.detection.readings.dropped").count();
	}
}
