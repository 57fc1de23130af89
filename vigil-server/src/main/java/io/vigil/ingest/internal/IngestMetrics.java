package io.vigil.ingest.internal;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.ingest.IngestChannel;
import io.vigil.ingest.RejectCode;

import org.springframework.stereotype.Component;

/**
 * Counters per channel: {@code vigil.ingest.readings.accepted} (durable), {@code vigil.ingest.readings.out_of_range}
 * (accepted but outside the physical range) and {@code vigil.ingest.rejected} per reason, items and whole payloads
 * alike. Created up front so that the hot path only increments.
 */
@Component
public class IngestMetrics {

	private final Map<IngestChannel, Counter> accepted = new EnumMap<>(IngestChannel.class);

	private final Map<IngestChannel, Counter> outOfRange = new EnumMap<>(IngestChannel.class);

	private final Map<IngestChannel, Map<RejectCode, Counter>> rejected = new EnumMap<>(IngestChannel.class);

	IngestMetrics(MeterRegistry meters) {
		for (IngestChannel channel : IngestChannel.values()) {
			accepted.put(channel, Counter.builder("vigil.ingest.readings.accepted").tag("channel", channel.code())
				.description("Readings stored durably").register(meters));
			outOfRange.put(channel, Counter.builder("vigil.ingest.readings.out_of_range").tag("channel", channel.code())
				.description("Readings stored flagged because the value lies outside the physical range").register(meters));
			Map<RejectCode, Counter> byCode = new EnumMap<>(RejectCode.class);
			for (RejectCode code : RejectCode.values()) {
				byCode.put(code, Counter.builder("vigil.ingest.rejected").tag("channel", channel.code())
					.tag("reason", code.tag()).description("Items or payloads refused").register(meters));
			}
			rejected.put(channel, byCode);
		}
	}

	public void accepted(IngestChannel channel, int readings, int outsideRange) {
		accepted.get(channel).increment(readings);
		if (outsideRange > 0) {
			outOfRange.get(channel).increment(outsideRange);
		}
	}

	public void rejected(IngestChannel channel, RejectCode code) {
		rejected.get(channel).get(code).increment();
	}

	public double rejectedCount(IngestChannel channel, RejectCode code) {
		return rejected.get(channel).get(code).count();
	}
}
