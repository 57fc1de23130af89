package io.vigil.ingest;

/** A payload that is not what its channel expects (JSON of the wrong shape, for example); nothing of it was stored. */
public class MalformedPayloadException extends RuntimeException {

	public MalformedPayloadException(String reason) {
		super(reason);
	}
}
