package io.vigil.registry.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted fields with doubled quotes and line breaks, CRLF or LF, and a leading UTF-8
 * byte-order mark (Excel writes one, and without it Excel shows Chinese text garbled; so we write it too).
 */
public final class Csv {

	public static final String BOM = "\uFEFF";

	private Csv() {
	}

	/** A parsed record and the 1-based line of the file it starts on. */
	public record Line(int number, List<String> fields) {
	}

	public static List<Line> parse(String text) {
		String input = text.startsWith(BOM) ? text.substring(1) : text;
		List<Line> lines = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int line = 1;
		int recordLine = 1;
		for (int i = 0; i < input.length(); i++) {
			char c = input.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < input.length() && input.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
			}
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				fieldStarted = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n') {
					i++;
				}
				if (fieldStarted || !field.isEmpty() || !fields.isEmpty()) {
					fields.add(field.toString());
					lines.add(new Line(recordLine, List.copyOf(fields)));
				}
				fields.clear();
				field.setLength(0);
				fieldStarted = false;
				line++;
				recordLine = line;
			}
			else {
				field.append(c);
			}
		}
		if (fieldStarted || !field.isEmpty() || !fields.isEmpty()) {
			fields.add(field.toString());
			lines.add(new Line(recordLine, List.copyOf(fields)));
		}
		return lines;
	}

	public static String row(List<?> values) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			Object value = values.get(i);
			String text = value == null ? "" : value.toString();
			if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
				out.append('"').append(text.replace("\"", "\"\"")).append('"');
			}
			else {
				out.append(text);
			}
		}
		return out.append("\r\n").toString();
	}
}
