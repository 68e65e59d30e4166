package nl.tijdig.testing.decider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.tijdig.kernel.Decider;
import nl.tijdig.kernel.Decision;
import org.junit.jupiter.api.Test;

class DeciderSpecTest {

    record Withdraw(int amount) {
    }

    record Deposited(int amount) {
    }

    record Withdrawn(int amount) {
    }

    /** An account that cannot go overdrawn. */
    static final Decider<Withdraw, Integer, Object> ACCOUNT = new Decider<>() {
        @Override
        public Integer initialState() {
            return 0;
        }

        @Override
        public Decision<Object> decide(Withdraw command, Integer balance) {
            return command.amount() > balance ? Decision.refused("amount", "is more than the balance of " + balance)
                    : Decision.decided(new Withdrawn(command.amount()));
        }

        @Override
        public Integer evolve(Integer balance, Object event) {
            return switch (event) {
                case Deposited d -> balance + d.amount();
                case Withdrawn w -> balance - w.amount();
                default -> balance;
            };
        }
    };

    @Test
    void given_events_when_a_command_then_its_events() {
        DeciderSpec.of(ACCOUNT).given(new Deposited(10)).when(new Withdraw(4)).then(new Withdrawn(4));
    }

    @Test
    void given_events_when_a_command_breaks_a_rule_then_refused_naming_the_field() {
        assertThat(DeciderSpec.of(ACCOUNT).given(new Deposited(3)).when(new Withdraw(4)).thenRefused("amount"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("3"));
    }

    @Test
    void a_spec_that_does_not_hold_fails_saying_what_was_expected() {
        assertThatThrownBy(() -> DeciderSpec.of(ACCOUNT).given(new Deposited(10)).when(new Withdraw(4))
                .then(new Withdrawn(5))).isInstanceOf(AssertionError.class).hasMessageContaining("Withdrawn[amount=5]");
        assertThatThrownBy(() -> DeciderSpec.of(ACCOUNT).when(new Withdraw(4)).then(new Withdrawn(4)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("refused");
        assertThatThrownBy(() -> DeciderSpec.of(ACCOUNT).given(new Deposited(10)).when(new Withdraw(4)).thenRefused("amount"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("decided");
    }
}
