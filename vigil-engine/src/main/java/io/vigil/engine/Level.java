package io.vigil.engine;

/**
 * Warning grade, ordered by severity: {@code BLUE < YELLOW < ORANGE < RED}
 * (低 / 一般 / 较大 / 重大). Compare with {@link #compareTo} or {@link #atLeast}.
 */
public enum Level {
	BLUE("蓝色", "blue"), YELLOW("黄色", "yellow"), ORANGE("橙色", "orange"), RED("红色", "red");

	private static final Level[] VALUES = values();

	private final String zh;
	private final String en;

	Level(String zh, String en) {
		this.zh = zh;
		this.en = en;
	}

	/** Chinese name, e.g. 红色. */
	public String zh() {
		return zh;
	}

	/** Lower-case English name as used on the wire, e.g. {@code red}. */
	public String en() {
		return en;
	}

	/** True when this level is as severe as {@code other} or more. */
	public boolean atLeast(Level other) {
		return compareTo(other) >= 0;
	}

	/** The next more severe level; {@code RED} stays {@code RED}. */
	public Level raised() {
		return this == RED ? RED : VALUES[ordinal() + 1];
	}

	/** Level by ordinal, for compact state encodings; {@code -1} gives {@code null}. */
	public static Level ofOrdinal(int ordinal) {
		return ordinal < 0 ? null : VALUES[ordinal];
	}

	/** Parses the wire name ({@code red}, {@code ORANGE}, …). */
	public static Level parse(String name) {
		return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
	}
}
