package io.vigil.ingest.hj212;

import java.util.Optional;

/**
 * Decides whether a frame's sender is who its {@code MN} says, from the header alone ({@code MN} and {@code PW}).
 * The {@link Hj212Server} asks before handing a frame to its {@link Hj212Sink}; a denied frame goes to the
 * {@link Hj212Quarantine} instead and gets no reply. Called on connection threads for every frame: must be quick
 * and thread-safe.
 */
@FunctionalInterface
public interface Hj212Authenticator {

	/** Empty when the frame may be delivered, otherwise why not. */
	Optional<Hj212Denial> check(Hj212Header header);

	/** Lets every frame through; for tests and for deployments that authenticate elsewhere. */
	Hj212Authenticator ANYONE = header -> Optional.empty();
}
