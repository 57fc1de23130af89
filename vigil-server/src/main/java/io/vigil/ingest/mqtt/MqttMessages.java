package io.vigil.ingest.mqtt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.vigil.ingest.IngestChannel;
import io.vigil.ingest.IngestResult;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.IngestSettings;
import io.vigil.ingest.MalformedPayloadException;
import io.vigil.ingest.OversizedBatchException;
import io.vigil.ingest.RawReading;
import io.vigil.ingest.ReadingBatchParser;
import io.vigil.ingest.RejectCode;
import io.vigil.ingest.Sender;

import org.springframework.stereotype.Component;

/**
 * What both MQTT modes do with one message from a known enterprise: parse the JSON (same body as HTTP), store,
 * and say when it may be acknowledged. A payload that can never be stored (malformed, oversized) is quarantined
 * and counts as handled, since redelivering it would not help; only a store that stays unavailable leaves the
 * message unacknowledged, for the publisher or the broker to deliver again.
 */
@Component
public class MqttMessages {

	private final IngestService ingest;

	private final ReadingBatchParser parser;

	private final Duration patience;

	private final int rawBytes;

	MqttMessages(IngestService ingest, IngestSettings settings) {
		this.ingest = ingest;
		this.parser = new ReadingBatchParser(settings.maxBatchItems());
		this.patience = settings.ackTimeout();
		this.rawBytes = settings.quarantineRawBytes();
	}

	/** Completes (never exceptionally for bad payloads) once the message may be acknowledged. */
	public CompletableFuture<IngestResult> handle(Sender sender, ByteBuffer payload) {
		byte[] bytes = new byte[payload.remaining()];
		payload.duplicate().get(bytes);
		List<RawReading> items;
		try {
			items = parser.parse(bytes);
		}
		catch (MalformedPayloadException e) {
			refuse(sender, RejectCode.MALFORMED, e.getMessage(), bytes);
			return CompletableFuture.completedFuture(new IngestResult(0, List.of()));
		}
		catch (OversizedBatchException e) {
			refuse(sender, RejectCode.OVERSIZED, e.getMessage(), bytes);
			return CompletableFuture.completedFuture(new IngestResult(0, List.of()));
		}
		return ingest.ingest(IngestChannel.MQTT, sender, items, patience, null);
	}

	/** Records a message refused before parsing (unknown topic, foreign enterprise). */
	public void refuse(Long enterpriseId, RejectCode code, String reason, ByteBuffer payload) {
		byte[] bytes = new byte[Math.min(payload.remaining(), rawBytes)];
		payload.duplicate().get(bytes);
		ingest.refuse(IngestChannel.MQTT, enterpriseId, code, reason, new String(bytes, StandardCharsets.UTF_8));
	}

	private void refuse(Sender sender, RejectCode code, String reason, byte[] bytes) {
		ingest.refuse(IngestChannel.MQTT, sender.enterpriseId(), code, reason,
				new String(bytes, 0, Math.min(bytes.length, rawBytes), StandardCharsets.UTF_8));
	}
}
