package io.vigil.ingest.hj212;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which Vigil sensor each (data logger MN, pollutant code) feeds, and the access password ({@code PW}) each data
 * logger must send. A code is either bare ({@code a01001}), meaning the data type's main value ({@code Rtd} for
 * real-time, {@code Avg} for minute/hourly/daily data), or carries an explicit field ({@code w00000-Cou}) for any
 * other value. Immutable; as an {@link Hj212Authenticator} it admits a frame only when its MN has a password here
 * and the frame's {@code PW} equals it.
 *
 * <p>Text form, one entry per line: {@code MN,code,sensorCode} maps a code, {@code MN,PW=password} sets the
 * logger's password (everything after {@code PW=} up to the end of the line, surrounding spaces trimmed); blank
 * lines and lines starting with {@code #} are ignored, spaces around the commas are trimmed.
 *
 * <p>Why a password per MN rather than the enterprise's API key: a data logger is configured on site with one
 * fixed {@code PW} string (HJ 212-2017 allows 9 characters, many loggers only 6), which an API key does not fit
 * in, and each logger of an enterprise can then be changed or revoked on its own.
 */
public final class Hj212Mapping implements Hj212Authenticator {

	private static final String PW_PREFIX = "PW=";

	private final Map<Key, String> sensors;

	private final Map<String, String> passwords;

	private final Map<String, List<String>> sensorsByMn;

	private Hj212Mapping(Map<Key, String> sensors, Map<String, String> passwords) {
		this.sensors = Map.copyOf(sensors);
		this.passwords = Map.copyOf(passwords);
		Map<String, List<String>> byMn = new HashMap<>();
		sensors.forEach((key, sensor) -> byMn.computeIfAbsent(key.mn(), mn -> new java.util.ArrayList<>()).add(sensor));
		byMn.replaceAll((mn, list) -> List.copyOf(list));
		this.sensorsByMn = Map.copyOf(byMn);
	}

	/**
	 * Reads the text form.
	 * @throws IllegalArgumentException naming the line that is neither {@code MN,code,sensor} nor {@code MN,PW=..},
	 *     or repeats a mapping or a password
	 */
	public static Hj212Mapping parse(List<String> lines) {
		Map<Key, String> sensors = new HashMap<>();
		Map<String, String> passwords = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int comma = line.indexOf(',');
			String rest = comma < 0 ? "" : line.substring(comma + 1).strip();
			if (comma > 0 && rest.startsWith(PW_PREFIX)) {
				password(passwords, i + 1, line.substring(0, comma).strip(), rest.substring(PW_PREFIX.length()).strip());
				continue;
			}
			String[] parts = line.split(",", -1);
			if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
				throw new IllegalArgumentException("line " + (i + 1) + " is neither MN,code,sensor nor MN,PW=password: "
						+ Hj212Passwords.redact(line));
			}
			Key key = new Key(parts[0].strip(), parts[1].strip());
			if (sensors.putIfAbsent(key, parts[2].strip()) != null) {
				throw new IllegalArgumentException("line " + (i + 1) + " maps " + key.mn() + "/" + key.code() + " again");
			}
		}
		return new Hj212Mapping(sensors, passwords);
	}

	private static void password(Map<String, String> passwords, int line, String mn, String password) {
		if (mn.isEmpty() || password.isEmpty()) {
			throw new IllegalArgumentException("line " + line + " must name an MN and a non-empty password: MN,PW=password");
		}
		// A ';' would end the PW field on the wire, so no logger can send such a password.
		if (password.indexOf(';') >= 0 || password.indexOf('&') >= 0) {
			throw new IllegalArgumentException("line " + line + ": the password of MN " + mn
					+ " contains ';' or '&', which cannot travel in an HJ 212 frame");
		}
		if (passwords.putIfAbsent(mn, password) != null) {
			throw new IllegalArgumentException("line " + line + " sets the password of MN " + mn + " again");
		}
	}

	/** The text form in a single string. */
	public static Hj212Mapping parse(String text) {
		return parse(text.lines().toList());
	}

	/** From a map of MN → (code → sensor code), without passwords (so it authenticates nobody). */
	public static Hj212Mapping of(Map<String, Map<String, String>> sensorsByMn) {
		Map<Key, String> sensors = new HashMap<>();
		sensorsByMn.forEach((mn, codes) -> codes.forEach((code, sensor) -> sensors.put(new Key(mn, code), sensor)));
		return new Hj212Mapping(sensors, Map.of());
	}

	/** Whether this data logger is configured at all: has a mapping or a password. */
	public boolean knows(String mn) {
		return sensorsByMn.containsKey(mn) || passwords.containsKey(mn);
	}

	/** The sensor fed by this logger's code ({@code a01001} or {@code a01001-Cou}), if mapped. */
	public Optional<String> sensor(String mn, String code) {
		return Optional.ofNullable(sensors.get(new Key(mn, code)));
	}

	/** Every sensor this logger feeds, in no particular order. */
	public List<String> sensors(String mn) {
		return sensorsByMn.getOrDefault(mn, List.of());
	}

	@Override
	public Optional<Hj212Denial> check(Hj212Header header) {
		String mn = header.mn();
		String configured = passwords.get(mn);
		if (configured == null) {
			return Optional.of(sensorsByMn.containsKey(mn)
					? new Hj212Denial(Hj212Denial.Reason.NO_PASSWORD, "MN " + mn
							+ " has sensors mapped but no password: add a line " + mn + ",PW=<the logger's PW>")
					: new Hj212Denial(Hj212Denial.Reason.UNKNOWN_MN, "MN " + mn + " is not configured: no mapping"
							+ " and no password names it"));
		}
		if (!Hj212Passwords.matches(configured, header.pw())) {
			return Optional.of(new Hj212Denial(Hj212Denial.Reason.WRONG_PASSWORD, "PW of MN " + mn
					+ " does not match the configured password (sent " + header.pw().length() + " characters)"));
		}
		return Optional.empty();
	}

	/** Loggers with sensors mapped but no password: every frame of theirs will be refused. Sorted. */
	public Set<String> loggersWithoutPassword() {
		Set<String> missing = new TreeSet<>(sensorsByMn.keySet());
		missing.removeAll(passwords.keySet());
		return missing;
	}

	/** Number of configured data loggers (with a mapping or a password). */
	public int loggers() {
		Set<String> all = new java.util.HashSet<>(sensorsByMn.keySet());
		all.addAll(passwords.keySet());
		return all.size();
	}

	/** Number of (MN, code) mappings. */
	public int size() {
		return sensors.size();
	}

	private record Key(String mn, String code) {
	}
}
