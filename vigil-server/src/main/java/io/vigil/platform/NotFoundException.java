package io.vigil.platform;

/**
 * The object does not exist or lies outside the caller's data scope: answered with 404, so that
 * a scoped user cannot learn what exists outside their scope.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object key) {
		super(what + " '" + key + "' not found (or outside your data scope) / 未找到或不在数据权限范围内");
	}
}
