package io.vigil.ingest.hj212;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A frame whose length, trailer and CRC were right and whose data segment has the HJ 212 structure.
 * Individual {@code CP} items that could not be read are listed in {@link #problems()} rather than failing the
 * frame, so one bad value never spoils its neighbours.
 *
 * @param header the fields before {@code CP}
 * @param cp every {@code key=value} item of {@code CP} in order of appearance, groups flattened
 * @param dataTime {@code DataTime} read as Asia/Shanghai local time, or {@code null} when absent or invalid
 *     (invalid ones are also listed in {@link #problems()})
 * @param values the numeric values ({@code xxx-Rtd}, {@code xxx-Avg}...) with their code's flag
 * @param problems the unreadable items
 * @param dataSegment the data segment exactly as received, for quarantine and audit
 */
public record Hj212Frame(Hj212Header header, Map<String, String> cp, Instant dataTime, List<Hj212Value> values,
		List<Hj212ItemProblem> problems, String dataSegment) implements Hj212Decoded {

	public Hj212Frame {
		cp = Map.copyOf(cp);
		values = List.copyOf(values);
		problems = List.copyOf(problems);
	}

	/** The data upload this frame is, or empty for commands, replies and other messages. */
	public Optional<Hj212DataType> dataType() {
		return Hj212DataType.ofCn(header.cn());
	}
}
