package io.vigil.detection.internal;

import org.springframework.stereotype.Component;

/** The rule build in force, shared by the engine (which swaps it) and the outcome translation (which reads it). */
@Component
public class CurrentRules {

	private volatile Compiled compiled = Compiled.EMPTY;

	public Compiled get() {
		return compiled;
	}

	void set(Compiled compiled) {
		this.compiled = compiled;
	}
}
