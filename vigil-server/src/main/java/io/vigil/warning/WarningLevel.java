package io.vigil.warning;

import java.util.Locale;

/**
 * Warning grade, ordered by severity: {@code BLUE < YELLOW < ORANGE < RED} (低 / 一般 / 较大 / 重大). The
 * same names as the engine's {@code Level}; detection maps one to the other by {@link #parse}.
 */
public enum WarningLevel {

	BLUE("蓝色"), YELLOW("黄色"), ORANGE("橙色"), RED("红色");

	private final String zh;

	WarningLevel(String zh) {
		this.zh = zh;
	}

	public String zh() {
		return zh;
	}

	/** The wire name: red, orange, yellow, blue. */
	public String en() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The next more severe level; red stays red. */
	public WarningLevel raised() {
		return this == RED ? RED : values()[ordinal() + 1];
	}

	/** Parses a wire or enum name ({@code red}, {@code RED}). */
	public static WarningLevel parse(String name) {
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			throw new IllegalArgumentException("unknown level '" + name + "'; known: red, orange, yellow, blue");
		}
	}
}
