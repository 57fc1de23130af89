package io.vigil.registry;

/** A name in Chinese (shown first in the console) and English (used in logs and the API docs). */
public record LocalizedName(String zh, String en) {

	@Override
	public String toString() {
		return zh + " / " + en;
	}
}
