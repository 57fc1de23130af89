package io.vigil.ingest.hj212;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a data segment ({@code QN=..;ST=..;CN=..;PW=..;MN=..;Flag=..;CP=&&..&&}) into a {@link Hj212Frame}.
 * Structural faults reject the whole segment; faults inside {@code CP} become item problems.
 */
final class DataSegmentParser {

	/** HJ 212 timestamps are China Standard Time, whatever the receiver's zone. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter DATA_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Set<String> NUMERIC_FIELDS = Set.of("Rtd", "Min", "Avg", "Max", "Cou", "ZsRtd", "ZsMin",
			"ZsAvg", "ZsMax");

	// Double.parseDouble also takes "NaN", "Infinity", hex and "1d"; none of that is an HJ 212 number.
	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

	private static final String CP_START = "CP=&&";

	private static final String CP_END = "&&";

	private DataSegmentParser() {
	}

	static Hj212Frame parse(String segment) throws MalformedDataSegment {
		int cpAt = segment.indexOf(CP_START);
		if (cpAt < 0) {
			throw new MalformedDataSegment("no CP=&& in data segment");
		}
		if (cpAt > 0 && segment.charAt(cpAt - 1) != ';') {
			throw new MalformedDataSegment("CP must follow a ';' but was preceded by '" + segment.charAt(cpAt - 1) + "'");
		}
		if (!segment.endsWith(CP_END) || segment.length() < cpAt + CP_START.length() + CP_END.length()) {
			throw new MalformedDataSegment("data segment must end with the closing && of CP");
		}
		Hj212Header header = header(segment.substring(0, Math.max(0, cpAt - 1)));
		String cpBody = segment.substring(cpAt + CP_START.length(), segment.length() - CP_END.length());
		return cp(header, cpBody, segment);
	}

	private static Hj212Header header(String text) throws MalformedDataSegment {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String item : text.split(";", -1)) {
			int eq = item.indexOf('=');
			if (eq <= 0) {
				throw new MalformedDataSegment("header field '" + item + "' is not key=value");
			}
			if (fields.putIfAbsent(item.substring(0, eq), item.substring(eq + 1)) != null) {
				throw new MalformedDataSegment("header field " + item.substring(0, eq) + " appears twice");
			}
		}
		for (String required : List.of("ST", "CN", "PW", "MN")) {
			if (fields.getOrDefault(required, "").isEmpty()) {
				throw new MalformedDataSegment("mandatory field " + required + " missing or empty");
			}
		}
		digits("ST", fields.get("ST"));
		digits("CN", fields.get("CN"));
		String flag = fields.get("Flag");
		int flagBits = flag == null ? 0 : number("Flag", flag);
		if (flagBits > 0xFF) {
			throw new MalformedDataSegment("Flag must be in 0..255 but was " + flag);
		}
		Integer pnum = fields.containsKey("PNUM") ? number("PNUM", fields.get("PNUM")) : null;
		Integer pno = fields.containsKey("PNO") ? number("PNO", fields.get("PNO")) : null;
		return new Hj212Header(fields.get("QN"), fields.get("ST"), fields.get("CN"), fields.get("PW"), fields.get("MN"),
				new Hj212Flag(flagBits), pnum, pno);
	}

	private static void digits(String field, String value) throws MalformedDataSegment {
		if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new MalformedDataSegment(field + " must be decimal digits but was '" + value + "'");
		}
	}

	private static int number(String field, String value) throws MalformedDataSegment {
		if (value.isEmpty() || value.length() > 6) {
			throw new MalformedDataSegment(field + " must be 1 to 6 decimal digits but was '" + value + "'");
		}
		digits(field, value);
		return Integer.parseInt(value);
	}

	private static Hj212Frame cp(Hj212Header header, String body, String segment) {
		Map<String, String> items = new LinkedHashMap<>();
		List<Hj212ItemProblem> problems = new ArrayList<>();
		for (String group : body.split(";")) {
			for (String item : group.split(",")) {
				if (item.isEmpty()) {
					continue;
				}
				int eq = item.indexOf('=');
				if (eq <= 0) {
					problems.add(new Hj212ItemProblem(item, "", "not key=value"));
				}
				else if (items.putIfAbsent(item.substring(0, eq), item.substring(eq + 1)) != null) {
					problems.add(new Hj212ItemProblem(item.substring(0, eq), item.substring(eq + 1),
							"appears more than once; the first occurrence is used"));
				}
			}
		}
		Instant dataTime = dataTime(items.get("DataTime"), problems);
		List<Hj212Value> values = new ArrayList<>();
		items.forEach((key, raw) -> {
			int dash = key.lastIndexOf('-');
			if (dash <= 0 || !NUMERIC_FIELDS.contains(key.substring(dash + 1))) {
				return;
			}
			String code = key.substring(0, dash);
			if (!DECIMAL.matcher(raw).matches()) {
				problems.add(new Hj212ItemProblem(key, raw, "not a decimal number"));
				return;
			}
			double value = Double.parseDouble(raw);
			if (!Double.isFinite(value)) {
				problems.add(new Hj212ItemProblem(key, raw, "outside the range of a double"));
				return;
			}
			values.add(new Hj212Value(code, key.substring(dash + 1), value, items.get(code + "-Flag")));
		});
		return new Hj212Frame(header, items, dataTime, values, problems, segment);
	}

	private static Instant dataTime(String raw, List<Hj212ItemProblem> problems) {
		if (raw == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(raw, DATA_TIME).atZone(ZONE).toInstant();
		}
		catch (DateTimeException ex) {
			problems.add(new Hj212ItemProblem("DataTime", raw, "not a valid yyyyMMddHHmmss time"));
			return null;
		}
	}

	/** The data segment cannot be read as HJ 212; the message says why. */
	static final class MalformedDataSegment extends Exception {

		private static final long serialVersionUID = 1L;

		MalformedDataSegment(String message) {
			super(message, null, false, false);
		}
	}
}
