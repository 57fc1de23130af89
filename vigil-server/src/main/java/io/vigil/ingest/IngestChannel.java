package io.vigil.ingest;

/** The way a reading came in; quarantine entries and metrics are kept per channel. */
public enum IngestChannel {

	HTTP, MQTT, HJ212;

	/** The lower-case name used in the database, the API and metric tags. */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
