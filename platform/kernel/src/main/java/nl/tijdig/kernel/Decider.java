package nl.tijdig.kernel;

import java.util.List;

/**
 * How a command is decided, the same in every service: from the state (folded from the events so far with
 * {@link #evolve}, starting at {@link #initialState}) a command is {@link #decide decided} into new events or
 * refused. Pure: no I/O, no clock (a command carries the time it needs), no framework. A store loads the
 * state, asks the decider, and appends the events in one transaction.
 *
 * @param <C> the commands
 * @param <S> the state
 * @param <E> the events
 */
public interface Decider<C, S, E> {

    S initialState();

    Decision<E> decide(C command, S state);

    S evolve(S state, E event);

    /** A decider of these three functions (the initial state may be null: nothing yet). */
    static <C, S, E> Decider<C, S, E> of(S initialState, java.util.function.BiFunction<C, S, Decision<E>> decide,
            java.util.function.BiFunction<S, E, S> evolve) {
        return new Decider<>() {
            @Override
            public S initialState() {
                return initialState;
            }

            @Override
            public Decision<E> decide(C command, S state) {
                return decide.apply(command, state);
            }

            @Override
            public S evolve(S state, E event) {
                return evolve.apply(state, event);
            }
        };
    }

    /** The state after these events, from the initial state. */
    default S fold(List<? extends E> events) {
        S state = initialState();
        for (E event : events) {
            state = evolve(state, event);
        }
        return state;
    }
}
