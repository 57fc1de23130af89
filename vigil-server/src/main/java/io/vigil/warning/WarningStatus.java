package io.vigil.warning;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where the handling stands, in the order of the loop. {@code REVIEWING} is only used where the duty
 * center reviews clearings (see {@code vigil.warning.review-levels}).
 */
public enum WarningStatus {

	RAISED, PUSHED, ACKNOWLEDGED, VERIFYING, HANDLING, FEEDBACK, REVIEWING, CLEARED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public boolean atLeast(WarningStatus other) {
		return ordinal() >= other.ordinal();
	}

	public static WarningStatus fromCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown status '" + code + "'; known: "
					+ Arrays.stream(values()).map(WarningStatus::code).toList()));
	}
}
