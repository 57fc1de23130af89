package io.vigil.registry;

import java.util.List;

/**
 * One type-specific attribute of an asset type, as declared by a domain pack.
 *
 * @param type {@code string}, {@code number}, {@code integer}, {@code boolean}, {@code date} (ISO yyyy-MM-dd),
 *     {@code enum} (one of {@code values}) or {@code person} (an object {"name","phone"})
 * @param unit the unit of a number, for display
 */
public record AttributeSpec(String code, LocalizedName name, String type, boolean required, List<EnumValue> values,
		String unit, Double min, Double max) {

	public static final List<String> TYPES = List.of("string", "number", "integer", "boolean", "date", "enum",
			"person");

	public AttributeSpec {
		values = values == null ? List.of() : List.copyOf(values);
	}

	/** One allowed value of an enum attribute. */
	public record EnumValue(String code, LocalizedName name) {
	}
}
