package io.vigil.registry;

/** A closed physical range; either bound may be null (open). Values outside it are not physically plausible. */
public record ValueRange(Double min, Double max) {

	public static final ValueRange OPEN = new ValueRange(null, null);

	public boolean contains(double value) {
		return (min == null || value >= min) && (max == null || value <= max);
	}
}
