package io.vigil.ingest.hj212;

import java.time.Duration;

/**
 * How a {@link Hj212Server} listens.
 *
 * @param port TCP port; 0 picks a free one (see {@link Hj212Server#port()})
 * @param maxDataLength largest accepted data segment, 1..9999
 * @param idleTimeout a connection silent this long is closed (an unfinished frame is reported as truncated);
 *     data loggers reconnect on their own
 * @param maxConnections connections beyond this many are closed on accept, so threads and buffers stay bounded
 */
public record Hj212ServerSettings(int port, int maxDataLength, Duration idleTimeout, int maxConnections) {

	public Hj212ServerSettings {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be in 0..65535 but was " + port);
		}
		if (maxDataLength < 1 || maxDataLength > Hj212Decoder.MAX_DATA_LENGTH) {
			throw new IllegalArgumentException("maxDataLength must be in 1..9999 but was " + maxDataLength);
		}
		if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()
				|| idleTimeout.toMillis() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("idleTimeout must be positive and below 24 days but was " + idleTimeout);
		}
		if (maxConnections < 1) {
			throw new IllegalArgumentException("maxConnections must be positive but was " + maxConnections);
		}
	}

	/** Port 9212, the full 9999-byte data segments, 5 minutes idle (loggers send at least every minute), 1000 connections. */
	public static Hj212ServerSettings defaults() {
		return new Hj212ServerSettings(9212, Hj212Decoder.MAX_DATA_LENGTH, Duration.ofMinutes(5), 1000);
	}

	public Hj212ServerSettings withPort(int port) {
		return new Hj212ServerSettings(port, maxDataLength, idleTimeout, maxConnections);
	}

	public Hj212ServerSettings withMaxDataLength(int maxDataLength) {
		return new Hj212ServerSettings(port, maxDataLength, idleTimeout, maxConnections);
	}

	public Hj212ServerSettings withIdleTimeout(Duration idleTimeout) {
		return new Hj212ServerSettings(port, maxDataLength, idleTimeout, maxConnections);
	}

	public Hj212ServerSettings withMaxConnections(int maxConnections) {
		return new Hj212ServerSettings(port, maxDataLength, idleTimeout, maxConnections);
	}
}
