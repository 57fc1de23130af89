package io.vigil.ingest.hj212;

/**
 * A value of an upload that yields no reading, and why.
 *
 * @param mn the data logger
 * @param item the {@code CP} key concerned ({@code a01001-Rtd}, {@code DataTime}...)
 * @param reason what is wrong, precise enough for the enterprise to fix its configuration
 */
public record Hj212Rejection(String mn, String item, String reason) {
}
