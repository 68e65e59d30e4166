package nl.tijdig.kernel;

import java.util.List;

/**
 * What a decider decided about a command: the events it causes ({@link Decided}, possibly none when the
 * command changes nothing), or why it is refused ({@link Refused}, each rule it breaks on its field).
 */
public sealed interface Decision<E> permits Decision.Decided, Decision.Refused {

    /** The command is accepted; these events record what happened (none: nothing to change). */
    record Decided<E>(List<E> events) implements Decision<E> {
        public Decided {
            events = List.copyOf(events);
        }
    }

    /** The command is refused; nothing happens. */
    record Refused<E>(List<Violation> violations) implements Decision<E> {
        public Refused {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a refusal names at least one violation");
            }
        }

        /** The first rule broken (a refusal names at least one). */
        public Violation first() {
            return violations.get(0);
        }

        /** The refusal as an exception, to end the transaction it was decided in without a change. */
        public RefusedException exception() {
            return new RefusedException(violations);
        }
    }

    @SafeVarargs
    static <E> Decision<E> decided(E... events) {
        return new Decided<>(List.of(events));
    }

    static <E> Decision<E> decided(List<E> events) {
        return new Decided<>(events);
    }

    static <E> Decision<E> refused(String field, String message) {
        return new Refused<>(List.of(new Violation(field, message)));
    }

    static <E> Decision<E> refused(List<Violation> violations) {
        return new Refused<>(violations);
    }
}
