package io.vigil.warning;

import io.vigil.platform.ConflictException;

/** A handling step that the warning's current status does not allow; answered with 409. */
public class WarningTransitionException extends ConflictException {

	public WarningTransitionException(long warningId, String step, WarningStatus current) {
		super("status", "warning " + warningId + " cannot be " + step + " while it is " + current.code()
				+ " / 当前状态（" + current.code() + "）不允许此操作");
	}
}
