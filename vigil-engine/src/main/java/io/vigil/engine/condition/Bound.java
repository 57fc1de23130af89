package io.vigil.engine.condition;

/** Which side of a limit is abnormal: {@code HIGH} means values at or above it, {@code LOW} at or below. */
public enum Bound {
	HIGH("高于", "above"), LOW("低于", "below");

	private final String zh;
	private final String en;

	Bound(String zh, String en) {
		this.zh = zh;
		this.en = en;
	}

	public String zh() {
		return zh;
	}

	public String en() {
		return en;
	}
}
