package io.vigil.engine;

import java.util.List;

/**
 * Result of one evaluation: the outcomes (often none) and the state the caller keeps for the next call.
 *
 * @param outcomes what the rule concluded, in order; empty most of the time
 * @param state    the state to pass to the next call for the same key and rule
 * @param <S>      the rule's state type
 */
public record Evaluation<S>(List<Outcome> outcomes, S state) {

	/** Nothing to report; {@code state} is kept. */
	public static <S> Evaluation<S> quiet(S state) {
		return new Evaluation<>(List.of(), state);
	}

	/** One outcome. */
	public static <S> Evaluation<S> of(Outcome outcome, S state) {
		return new Evaluation<>(List.of(outcome), state);
	}
}
