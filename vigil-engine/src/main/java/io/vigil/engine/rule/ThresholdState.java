package io.vigil.engine.rule;

import io.vigil.engine.Level;
import java.io.Serializable;

/**
 * State of one threshold rule for one sensor: a few primitives (≈ 40 bytes on a 64-bit JVM).
 *
 * @param active    ordinal of the active level, {@code -1} when nothing is active
 * @param pending   direction of a change waiting for its delay: {@code +1} up, {@code -1} down, 0 none
 * @param count     readings seen in the pending direction
 * @param since     epoch millis of the first reading of the pending change
 * @param last      epoch millis of the newest reading that changed this state (older readings are late)
 */
public record ThresholdState(byte active, byte pending, int count, long since, long last) implements Serializable {

	/** Nothing active, nothing pending. */
	public static final ThresholdState NORMAL = new ThresholdState((byte) -1, (byte) 0, 0, 0, Long.MIN_VALUE);

	/** The active level, or {@code null} when normal. */
	public Level level() {
		return Level.ofOrdinal(active);
	}
}
