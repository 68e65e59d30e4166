package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

    /** A counter that may not go below zero: the smallest decider. */
    record Add(int amount) {
    }

    record Added(int amount) {
    }

    static final Decider<Add, Integer, Added> COUNTER = new Decider<>() {
        @Override
        public Integer initialState() {
            return 0;
        }

        @Override
        public Decision<Added> decide(Add command, Integer state) {
            if (state + command.amount() < 0) {
                return Decision.refused("amount", "would take the counter below zero");
            }
            return command.amount() == 0 ? Decision.decided() : Decision.decided(new Added(command.amount()));
        }

        @Override
        public Integer evolve(Integer state, Added event) {
            return state + event.amount();
        }
    };

    @Test
    void a_decider_folds_its_events_and_decides_or_refuses() {
        int state = COUNTER.fold(List.of(new Added(2), new Added(3)));

        assertThat(state).isEqualTo(5);
        assertThat(COUNTER.decide(new Add(-5), state)).isEqualTo(new Decision.Decided<>(List.of(new Added(-5))));
        assertThat(COUNTER.decide(new Add(-6), state)).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.violations()).containsExactly(new Violation("amount", "would take the counter below zero")));
        assertThat(COUNTER.decide(new Add(0), state)).isEqualTo(new Decision.Decided<>(List.of()));
    }

    @Test
    void a_refusal_names_a_violation_and_a_violation_its_field() {
        assertThatThrownBy(() -> Decision.refused(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Violation(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
