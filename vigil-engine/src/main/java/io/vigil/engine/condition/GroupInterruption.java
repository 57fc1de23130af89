package io.vigil.engine.condition;

import io.vigil.engine.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Data interruption of a parent (an enterprise or a gateway) and its sensors, judged together so
 * that one silent parent gives one warning. A child is offline after {@code childSilence}; the
 * parent is offline when every child has been silent for {@code parentSilence}; then the children's
 * offline outcomes are {@code INHIBITED} (the parent's warning stands for them) and no new child
 * outcomes are raised until the parent recovers.
 */
public record GroupInterruption(String id, String parentKey, List<String> children, Duration childSilence,
		Duration parentSilence, Level childLevel, Level parentLevel) implements Condition {

	public GroupInterruption {
		Condition.requireId(id);
		Objects.requireNonNull(parentKey, "parentKey");
		children = List.copyOf(children);
		if (children.isEmpty()) {
			throw new IllegalArgumentException("group " + parentKey + " has no children");
		}
		if (children.stream().distinct().count() != children.size()) {
			throw new IllegalArgumentException("group " + parentKey + " lists a child twice");
		}
		Objects.requireNonNull(childSilence, "childSilence");
		Objects.requireNonNull(parentSilence, "parentSilence");
		Objects.requireNonNull(childLevel, "childLevel");
		Objects.requireNonNull(parentLevel, "parentLevel");
	}
}
