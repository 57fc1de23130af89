package io.vigil.engine.condition;

import io.vigil.engine.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Third-party damage: vibration or intrusion events near a pipeline. A reading of
 * {@code vibrationSensor} at or above {@code eventThreshold} is an event. Inside a registered
 * construction window it raises {@code insideLevel} (expected work, watch it); outside any window it
 * raises {@code outsideLevel}, which should be more serious. Recovers after {@code quiet} without events.
 */
public record ConstructionIntrusion(String id, String assetKey, String vibrationSensor, double eventThreshold,
		List<Window> constructionWindows, Level insideLevel, Level outsideLevel, Duration quiet) implements Condition {

	/** A registered construction window [from, to). */
	public record Window(Instant from, Instant to, String permit) {
		public Window {
			Objects.requireNonNull(from, "from");
			Objects.requireNonNull(to, "to");
			if (!from.isBefore(to)) {
				throw new IllegalArgumentException("construction window ends before it starts");
			}
		}

		public boolean contains(Instant t) {
			return !t.isBefore(from) && t.isBefore(to);
		}
	}

	public ConstructionIntrusion {
		Condition.requireId(id);
		Objects.requireNonNull(assetKey, "assetKey");
		Objects.requireNonNull(vibrationSensor, "vibrationSensor");
		constructionWindows = List.copyOf(constructionWindows);
		Objects.requireNonNull(insideLevel, "insideLevel");
		Objects.requireNonNull(outsideLevel, "outsideLevel");
		Objects.requireNonNull(quiet, "quiet");
		if (outsideLevel.compareTo(insideLevel) < 0) {
			throw new IllegalArgumentException("an intrusion outside a construction window must not be less serious than one inside");
		}
	}
}
