package io.vigil.ingest;

/** Why an item or a whole payload was refused; lower-case names are the metric tags and the API codes. */
public enum RejectCode {

	/** A required field (sensor, ts, value) is absent. */
	MISSING_FIELD,
	/** A field has the wrong type or format (value not a number, ts not ISO-8601). */
	UNREADABLE,
	/** No sensor has this code. */
	UNKNOWN_SENSOR,
	/** The sensor belongs to another enterprise than the sender. */
	FOREIGN_SENSOR,
	/** The value is NaN or infinite. */
	NOT_FINITE,
	/** The flag is not one of HJ 212's letters. */
	BAD_FLAG,
	/** The timestamp lies too far ahead of the server clock. */
	TOO_FAR_FUTURE,
	/** The timestamp lies too far in the past. */
	TOO_FAR_PAST,
	/** The payload as a whole is not JSON of the expected shape, or not a usable HJ 212 frame. */
	MALFORMED,
	/** The batch has more items than allowed. */
	OVERSIZED,
	/** The sender could not be authenticated or may not use the topic. */
	UNAUTHORIZED,
	/** The store could not make the readings durable in time; nothing is confirmed and the sender resends. */
	UNAVAILABLE;

	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
