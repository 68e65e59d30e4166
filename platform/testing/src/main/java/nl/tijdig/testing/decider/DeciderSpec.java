package nl.tijdig.testing.decider;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import nl.tijdig.kernel.Decider;
import nl.tijdig.kernel.Decision;
import nl.tijdig.kernel.Violation;

/**
 * A decider's test as given / when / then, the same in every service:
 * {@code DeciderSpec.of(decider).given(events…).when(command).then(events…)}, {@code .thenNothing()} or
 * {@code .thenRefused("field")}. The state is folded from the given events with the decider's own
 * {@code evolve}, so a test states facts, never a state the decider could not reach.
 */
public final class DeciderSpec<C, S, E> {

    private final Decider<C, S, E> decider;
    private final List<E> given;

    private DeciderSpec(Decider<C, S, E> decider, List<E> given) {
        this.decider = decider;
        this.given = given;
    }

    public static <C, S, E> DeciderSpec<C, S, E> of(Decider<C, S, E> decider) {
        return new DeciderSpec<>(decider, List.of());
    }

    @SafeVarargs
    public final DeciderSpec<C, S, E> given(E... events) {
        return new DeciderSpec<>(decider, List.of(events));
    }

    public DeciderSpec<C, S, E> given(List<E> events) {
        return new DeciderSpec<>(decider, List.copyOf(events));
    }

    /** The state the given events lead to. */
    public S state() {
        return decider.fold(given);
    }

    public Outcome<E> when(C command) {
        return new Outcome<>(command, decider.decide(command, state()));
    }

    /** What the decider decided, to be checked. */
    public static final class Outcome<E> {
        private final Object command;
        private final Decision<E> decision;

        Outcome(Object command, Decision<E> decision) {
            this.command = command;
            this.decision = decision;
        }

        public Decision<E> decision() {
            return decision;
        }

        /** The command is accepted with exactly these events, in this order. */
        @SafeVarargs
        public final List<E> then(E... expected) {
            List<E> events = decided();
            if (!events.equals(Arrays.asList(expected))) {
                throw new AssertionError("when " + command + "\n expected the events " + Arrays.asList(expected)
                        + "\n but got " + events);
            }
            return events;
        }

        /** The command is accepted and changes nothing. */
        public void thenNothing() {
            List<E> events = decided();
            if (!events.isEmpty()) {
                throw new AssertionError("when " + command + "\n expected no events but got " + events);
            }
        }

        /** The events of an accepted command, for checks of their own. */
        public List<E> decided() {
            return switch (decision) {
                case Decision.Decided<E> d -> d.events();
                case Decision.Refused<E> r -> throw new AssertionError("when " + command
                        + "\n expected it to be decided, but it was refused: " + r.violations());
            };
        }

        /** The command is refused, naming (at least) these fields; returns the violations. */
        public List<Violation> thenRefused(String... fields) {
            return switch (decision) {
                case Decision.Decided<E> d -> throw new AssertionError("when " + command
                        + "\n expected a refusal naming " + Arrays.asList(fields) + ", but it was decided: " + d.events());
                case Decision.Refused<E> r -> {
                    for (String field : fields) {
                        if (r.violations().stream().noneMatch(v -> Objects.equals(v.field(), field))) {
                            throw new AssertionError("when " + command + "\n expected a violation on " + field
                                    + " but got " + r.violations());
                        }
                    }
                    yield r.violations();
                }
            };
        }
    }
}
