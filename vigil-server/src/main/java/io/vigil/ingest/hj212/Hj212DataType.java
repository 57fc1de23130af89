package io.vigil.ingest.hj212;

import java.util.Optional;

/**
 * The data uploads this library turns into readings, with the field that carries each one's value:
 * the instantaneous value for real-time data, the average for minute, hourly and daily statistics.
 */
public enum Hj212DataType {

	REAL_TIME("2011", "Rtd"), MINUTE("2051", "Avg"), HOURLY("2061", "Avg"), DAILY("2031", "Avg");

	private final String cn;

	private final String primaryField;

	Hj212DataType(String cn, String primaryField) {
		this.cn = cn;
		this.primaryField = primaryField;
	}

	/** The command code ({@code CN}) of this upload. */
	public String cn() {
		return cn;
	}

	/** The field ({@code Rtd} or {@code Avg}) that a mapping without an explicit field refers to. */
	public String primaryField() {
		return primaryField;
	}

	/** The data type of a command code, or empty when the command carries no monitoring values. */
	public static Optional<Hj212DataType> ofCn(String cn) {
		for (Hj212DataType type : values()) {
			if (type.cn.equals(cn)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}
}
