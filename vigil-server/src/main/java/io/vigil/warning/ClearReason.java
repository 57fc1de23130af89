package io.vigil.warning;

import java.util.Arrays;
import java.util.Locale;

/** Why a person cleared a warning (消警原因). */
public enum ClearReason {

	HANDLED, FALSE_ALARM, SENSOR_FAULT, MAINTENANCE;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ClearReason fromCode(String code) {
		return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown reason '" + code + "'; known: "
					+ Arrays.stream(values()).map(ClearReason::code).toList()));
	}
}
