package io.vigil.ingest.hj212;

import java.net.SocketAddress;

import io.vigil.ingest.IngestChannel;
import io.vigil.ingest.IngestService;
import io.vigil.ingest.RejectCode;

/** Sends what the HJ 212 server could not use to the ingest quarantine, with the peer's address in the reason. */
final class Hj212Refusals implements Hj212Quarantine {

	private final IngestService ingest;

	Hj212Refusals(IngestService ingest) {
		this.ingest = ingest;
	}

	@Override
	public void undecodable(SocketAddress peer, Hj212Error error) {
		ingest.refuse(IngestChannel.HJ212, null, RejectCode.MALFORMED,
				error.reason().name().toLowerCase(java.util.Locale.ROOT) + " from " + peer + ": " + error.detail(),
				error.rawText());
	}

	@Override
	public void rejected(SocketAddress peer, Hj212Frame frame, String reason) {
		ingest.refuse(IngestChannel.HJ212, null, RejectCode.UNAVAILABLE,
				"frame of MN " + frame.header().mn() + " from " + peer + " not confirmed: " + reason, frame.dataSegment());
	}
}
