package io.vigil.organisation;

import java.util.Arrays;

/** Where an organisation stands: in the region tree, as an enterprise leaf, or beside the tree with a scope. */
public enum OrganisationKind {

	REGION("region"), ENTERPRISE("enterprise"), REGULATOR("regulator"), DUTY_CENTER("duty_center");

	private final String code;

	OrganisationKind(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static OrganisationKind fromCode(String code) {
		return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown organisation kind '" + code + "'; known: "
					+ Arrays.stream(values()).map(OrganisationKind::code).toList()));
	}
}
