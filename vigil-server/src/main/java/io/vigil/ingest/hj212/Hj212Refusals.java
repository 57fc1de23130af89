package io.vigil.ingest.hj212;

import java.net.SocketAddress;
import java.util.Locale;
import java.util.function.Function;

import io.vigil.ingest.IngestChannel;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.RejectCode;

/**
 * Sends what the HJ 212 server could not use to the ingest quarantine, with the peer's address in the reason. The
 * kept text never holds a {@code PW}: the quarantine is readable by enterprise users, a password is a credential.
 */
final class Hj212Refusals implements Hj212Quarantine {

	private final IngestService ingest;

	private final Function<String, Long> enterpriseOfMn;

	/**
	 * @param enterpriseOfMn the enterprise owning a logger's sensors, or null when unknown: a denied frame of a
	 *     configured MN is then shown to that enterprise, which is the one that can fix the logger
	 */
	Hj212Refusals(IngestService ingest, Function<String, Long> enterpriseOfMn) {
		this.ingest = ingest;
		this.enterpriseOfMn = enterpriseOfMn;
	}

	@Override
	public void undecodable(SocketAddress peer, Hj212Error error) {
		ingest.refuse(IngestChannel.HJ212, null, RejectCode.MALFORMED,
				error.reason().name().toLowerCase(Locale.ROOT) + " from " + peer + ": " + error.detail(),
				Hj212Passwords.redact(error.rawText()));
	}

	@Override
	public void rejected(SocketAddress peer, Hj212Frame frame, String reason) {
		ingest.refuse(IngestChannel.HJ212, null, RejectCode.UNAVAILABLE,
				"frame of MN " + frame.header().mn() + " from " + peer + " not confirmed: " + reason,
				Hj212Passwords.redact(frame.dataSegment()));
	}

	@Override
	public void denied(SocketAddress peer, Hj212Frame frame, Hj212Denial denial) {
		ingest.refuse(IngestChannel.HJ212, enterpriseOfMn.apply(frame.header().mn()), RejectCode.UNAUTHORIZED,
				denial.reason().name().toLowerCase(Locale.ROOT) + " from " + peer + ": " + denial.detail()
						+ "; nothing stored, no reply sent",
				Hj212Passwords.redact(frame.dataSegment()));
	}
}
