package io.vigil.ingest;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code {"readings":[{"sensor","ts","value","flag"}…]}} (the HTTP body and the MQTT payload) with
 * Jackson's streaming parser: no tree, no reflection, one {@link RawReading} per item. An item of the wrong shape
 * becomes an unreadable item (its neighbours are kept); a payload that is not JSON, or not of this shape, or has
 * more than the allowed number of items, fails as a whole, before anything is stored. Thread-safe.
 */
public final class ReadingBatchParser {

	// NaN and Infinity literals are read so that such items are refused with their own reason, not the batch.
	private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
		.build();

	private final int maxItems;

	public ReadingBatchParser(int maxItems) {
		this.maxItems = maxItems;
	}

	/**
	 * @throws MalformedPayloadException when the payload is not JSON of the expected shape
	 * @throws OversizedBatchException when it holds more than the allowed number of items
	 */
	public List<RawReading> parse(InputStream payload) {
		try (JsonParser json = JSON.createParser(payload)) {
			return batch(json);
		}
		catch (JacksonException e) {
			throw new MalformedPayloadException("Malformed JSON / JSON 格式错误: " + e.getOriginalMessage()
					+ location(e));
		}
	}

	public List<RawReading> parse(byte[] payload) {
		return parse(new java.io.ByteArrayInputStream(payload));
	}

	private List<RawReading> batch(JsonParser json) {
		if (json.nextToken() != JsonToken.START_OBJECT) {
			throw new MalformedPayloadException("The body must be a JSON object {\"readings\":[…]} / 请求体须为 JSON 对象");
		}
		List<RawReading> readings = null;
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			JsonToken value = json.nextToken();
			if ("readings".equals(name)) {
				if (value != JsonToken.START_ARRAY) {
					throw new MalformedPayloadException("readings must be an array / readings 须为数组");
				}
				readings = items(json);
			}
			else {
				json.skipChildren();
			}
		}
		if (json.nextToken() != null) {
			throw new MalformedPayloadException("Unexpected content after the JSON object / JSON 对象后有多余内容");
		}
		if (readings == null) {
			throw new MalformedPayloadException("readings is missing / 缺少 readings");
		}
		return readings;
	}

	private List<RawReading> items(JsonParser json) {
		List<RawReading> items = new ArrayList<>();
		JsonToken token;
		while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
			if (items.size() == maxItems) {
				throw new OversizedBatchException(maxItems);
			}
			if (token == JsonToken.START_OBJECT) {
				items.add(item(json));
			}
			else {
				json.skipChildren();
				items.add(RawReading.unreadable(null, "the item is not a JSON object / 数据项须为对象"));
			}
		}
		return items;
	}

	private RawReading item(JsonParser json) {
		String sensor = null;
		Instant ts = null;
		Double value = null;
		String flag = null;
		String unreadable = null;
		while (json.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = json.currentName();
			JsonToken token = json.nextToken();
			String problem = null;
			switch (name) {
				case "sensor":
					if (token == JsonToken.VALUE_STRING) {
						sensor = json.getString();
					}
					else if (token != JsonToken.VALUE_NULL) {
						problem = "sensor must be a string / sensor 须为字符串";
					}
					break;
				case "ts":
					if (token == JsonToken.VALUE_STRING) {
						String text = json.getString();
						try {
							ts = instant(text);
						}
						catch (DateTimeParseException e) {
							problem = "ts '" + abbreviate(text)
									+ "' is not an ISO-8601 time with offset, e.g. 2024-05-01T08:00:00+08:00 / 时间格式错误";
						}
					}
					else if (token != JsonToken.VALUE_NULL) {
						problem = "ts must be an ISO-8601 string / ts 须为 ISO-8601 字符串";
					}
					break;
				case "value":
					if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
						value = json.getDoubleValue();
					}
					else if (token == JsonToken.VALUE_STRING && nonFinite(json.getString())) {
						value = Double.NaN;
					}
					else if (token != JsonToken.VALUE_NULL) {
						problem = "value must be a JSON number / value 须为数值";
					}
					break;
				case "flag":
					if (token == JsonToken.VALUE_STRING) {
						flag = json.getString();
					}
					else if (token != JsonToken.VALUE_NULL) {
						problem = "flag must be a one-letter string / flag 须为单个字母";
					}
					break;
				default:
					break;
			}
			json.skipChildren();
			if (unreadable == null) {
				unreadable = problem;
			}
		}
		return new RawReading(sensor, ts, value, flag, unreadable);
	}

	/**
	 * {@link Instant#parse}, with a fast path for the form nearly every gateway sends, {@code 2024-05-01T00:00:00Z}
	 * with or without a fraction: the general ISO parser was an eighth of the CPU of HTTP ingest. Anything else (an
	 * offset, a leap second, an impossible date) goes to {@code Instant.parse}, so results and errors are the same.
	 */
	static Instant instant(String text) {
		int n = text.length();
		if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
			return Instant.parse(text);
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int nanos = 0;
		if (n > 20) {
			int fraction = n - 21;
			nanos = text.charAt(19) == '.' && fraction >= 1 && fraction <= 9 ? digits(text, 20, n - 1) : -1;
			for (int i = fraction; i < 9 && nanos > 0; i++) {
				nanos *= 10;
			}
		}
		if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || nanos < 0 || day > Month.of(month).length(Year.isLeap(year))) {
			return Instant.parse(text);
		}
		long days = LocalDate.of(year, month, day).toEpochDay();
		return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
	}

	/** The decimal number in {@code text[from, to)}, or -1 if a character there is not an ASCII digit. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean nonFinite(String text) {
		return text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity") || text.equals("+Infinity");
	}

	private static String location(JacksonException e) {
		var where = e.getLocation();
		return where == null || where.getLineNr() < 0 ? ""
				: " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
	}

	private static String abbreviate(String text) {
		return text.length() <= 60 ? text : text.substring(0, 60) + "…";
	}
}
