package io.vigil.engine;

/**
 * Whether a reading may be judged as a process value. Derived from the HJ 212-2017 data flag:
 * {@code N} (normal) and {@code S} (set value) are valid; {@code F}, {@code M}, {@code D}, {@code C},
 * {@code T}, {@code B} (stopped, maintenance, fault, calibration, over range, offline) are invalid.
 * Invalid readings never raise process outcomes; only data-quality rules look at them.
 */
public enum Quality {
	VALID, INVALID;

	/**
	 * Maps an HJ 212 flag to a quality. {@code null} or empty means {@code N}.
	 *
	 * @throws IllegalArgumentException for a flag HJ 212-2017 does not define
	 */
	public static Quality ofHj212(String flag) {
		if (flag == null || flag.isEmpty()) {
			return VALID;
		}
		return switch (flag) {
			case "N", "S" -> VALID;
			case "F", "M", "D", "C", "T", "B" -> INVALID;
			default -> throw new IllegalArgumentException("unknown HJ 212 flag '" + flag + "' (expected N, S, F, M, D, C, T or B)");
		};
	}
}
