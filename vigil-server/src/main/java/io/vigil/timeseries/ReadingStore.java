package io.vigil.timeseries;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where every accepted reading goes. Implementations batch readings from many callers into few
 * COPY transactions.
 */
public interface ReadingStore {

	/**
	 * Queues readings for storage. The future completes normally only once they are committed and
	 * flushed (the acknowledgement the client receives is a promise); it completes exceptionally
	 * with {@link StoreOverloadedException} at once if the bounded buffer is full, so that callers
	 * push back (HTTP 503 with Retry-After, MQTT delays its ack) instead of the process collapsing.
	 * The same (sensor, ts) stored twice is kept once.
	 */
	CompletableFuture<Void> append(List<SensorReading> readings);
}
