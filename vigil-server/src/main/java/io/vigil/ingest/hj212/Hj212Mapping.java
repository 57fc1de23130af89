package io.vigil.ingest.hj212;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which Vigil sensor each (data logger MN, pollutant code) feeds. A code is either bare ({@code a01001}), meaning
 * the data type's main value ({@code Rtd} for real-time, {@code Avg} for minute/hourly/daily data), or carries an
 * explicit field ({@code w00000-Cou}) for any other value. Immutable.
 *
 * <p>Text form, one mapping per line: {@code MN,code,sensorCode}; blank lines and lines starting with {@code #}
 * are ignored, spaces around the commas are trimmed.
 */
public final class Hj212Mapping {

	private final Map<Key, String> sensors;

	private final Set<String> mns;

	private Hj212Mapping(Map<Key, String> sensors) {
		this.sensors = Map.copyOf(sensors);
		Set<String> known = new HashSet<>();
		sensors.keySet().forEach(key -> known.add(key.mn()));
		this.mns = Set.copyOf(known);
	}

	/**
	 * Reads the text form.
	 * @throws IllegalArgumentException naming the line that is not {@code MN,code,sensor} or repeats a mapping
	 */
	public static Hj212Mapping parse(List<String> lines) {
		Map<Key, String> sensors = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split(",", -1);
			if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
				throw new IllegalArgumentException("line " + (i + 1) + " is not MN,code,sensor: " + line);
			}
			Key key = new Key(parts[0].strip(), parts[1].strip());
			if (sensors.putIfAbsent(key, parts[2].strip()) != null) {
				throw new IllegalArgumentException("line " + (i + 1) + " maps " + key.mn() + "/" + key.code() + " again");
			}
		}
		return new Hj212Mapping(sensors);
	}

	/** The text form in a single string. */
	public static Hj212Mapping parse(String text) {
		return parse(text.lines().toList());
	}

	/** From a map of MN → (code → sensor code). */
	public static Hj212Mapping of(Map<String, Map<String, String>> sensorsByMn) {
		Map<Key, String> sensors = new HashMap<>();
		sensorsByMn.forEach((mn, codes) -> codes.forEach((code, sensor) -> sensors.put(new Key(mn, code), sensor)));
		return new Hj212Mapping(sensors);
	}

	/** Whether any mapping names this data logger. */
	public boolean knows(String mn) {
		return mns.contains(mn);
	}

	/** The sensor fed by this logger's code ({@code a01001} or {@code a01001-Cou}), if mapped. */
	public Optional<String> sensor(String mn, String code) {
		return Optional.ofNullable(sensors.get(new Key(mn, code)));
	}

	public int size() {
		return sensors.size();
	}

	private record Key(String mn, String code) {
	}
}
