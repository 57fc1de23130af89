package io.vigil.ingest.hj212;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Monotonic counts of what a {@link Hj212Server} has seen since it was created, readable from any thread, for
 * binding to metrics.
 */
public final class Hj212Counters {

	private final LongAdder connectionsAccepted = new LongAdder();

	private final LongAdder connectionsRefused = new LongAdder();

	private final LongAdder framesAccepted = new LongAdder();

	private final LongAdder framesRejected = new LongAdder();

	private final LongAdder repliesSent = new LongAdder();

	private final Map<Hj212Error.Reason, LongAdder> errors = new EnumMap<>(Hj212Error.Reason.class);

	private final Map<Hj212Denial.Reason, LongAdder> denied = new EnumMap<>(Hj212Denial.Reason.class);

	Hj212Counters() {
		for (Hj212Error.Reason reason : Hj212Error.Reason.values()) {
			errors.put(reason, new LongAdder());
		}
		for (Hj212Denial.Reason reason : Hj212Denial.Reason.values()) {
			denied.put(reason, new LongAdder());
		}
	}

	/** Connections taken on. */
	public long connectionsAccepted() {
		return connectionsAccepted.sum();
	}

	/** Connections closed at once because {@link Hj212ServerSettings#maxConnections()} were open. */
	public long connectionsRefused() {
		return connectionsRefused.sum();
	}

	/** Well-formed frames the sink accepted. */
	public long framesAccepted() {
		return framesAccepted.sum();
	}

	/** Well-formed frames the sink rejected or failed on. */
	public long framesRejected() {
		return framesRejected.sum();
	}

	/** Well-formed frames the {@link Hj212Authenticator} refused for this reason (never delivered, never answered). */
	public long framesDenied(Hj212Denial.Reason reason) {
		return denied.get(reason).sum();
	}

	/** 9014 replies written. */
	public long repliesSent() {
		return repliesSent.sum();
	}

	/** Decoding errors of one reason. */
	public long errors(Hj212Error.Reason reason) {
		return errors.get(reason).sum();
	}

	/** A snapshot of all decoding error counts. */
	public Map<Hj212Error.Reason, Long> errors() {
		Map<Hj212Error.Reason, Long> snapshot = new EnumMap<>(Hj212Error.Reason.class);
		errors.forEach((reason, count) -> snapshot.put(reason, count.sum()));
		return snapshot;
	}

	void connectionAccepted() {
		connectionsAccepted.increment();
	}

	void connectionRefused() {
		connectionsRefused.increment();
	}

	void frameAccepted() {
		framesAccepted.increment();
	}

	void frameRejected() {
		framesRejected.increment();
	}

	void frameDenied(Hj212Denial.Reason reason) {
		denied.get(reason).increment();
	}

	void replySent() {
		repliesSent.increment();
	}

	void error(Hj212Error.Reason reason) {
		errors.get(reason).increment();
	}
}
