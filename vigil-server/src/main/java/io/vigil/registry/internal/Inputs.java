package io.vigil.registry.internal;

import java.util.regex.Pattern;

import io.vigil.platform.InvalidInputException;

/** Checks on plain input values shared by the registry's services, with the house error messages. */
public final class Inputs {

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

	private Inputs() {
	}

	public static String code(String field, String value) {
		if (value == null || !CODE.matcher(value).matches()) {
			throw new InvalidInputException(field, "'" + (value == null ? "" : value)
					+ "' is not a code: 1–64 letters, digits, '_', '.' or '-', starting with a letter or digit / 编码格式错误");
		}
		return value;
	}

	public static String text(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, "is required / 必填");
		}
		return optionalText(field, value, max);
	}

	/** Null or blank becomes null. */
	public static String optionalText(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > max) {
			throw new InvalidInputException(field, "is longer than " + max + " characters / 过长");
		}
		return value.strip();
	}

	public static void finite(String field, Double value) {
		if (value != null && !Double.isFinite(value)) {
			throw new InvalidInputException(field, "must be a finite number / 必须是有限数值");
		}
	}

	public static int page(Integer page) {
		return page == null ? 0 : Math.max(page, 0);
	}

	public static int size(Integer size) {
		return size == null ? 100 : Math.min(Math.max(size, 1), 1000);
	}
}
