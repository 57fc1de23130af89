package io.vigil.ingest.hj212;

import java.net.SocketAddress;

/**
 * Receives what the {@link Hj212Server} could not use, so that it can be kept for inspection. Called on the
 * connection's thread; implementations should be quick and must not throw (exceptions are logged and ignored).
 */
public interface Hj212Quarantine {

	/** Input that was not a usable frame; {@link Hj212Error#raw()} is already bounded. */
	void undecodable(SocketAddress peer, Hj212Error error);

	/** A well-formed frame the sink rejected (no reply was sent). Ignored by default. */
	default void rejected(SocketAddress peer, Hj212Frame frame, String reason) {
	}

	/** A well-formed frame whose sender was not authenticated (no reply was sent, the sink never saw it). Ignored by default. */
	default void denied(SocketAddress peer, Hj212Frame frame, Hj212Denial denial) {
	}

	/** Drops everything; for tests and for deployments that only count. */
	Hj212Quarantine NONE = (peer, error) -> {
	};
}
