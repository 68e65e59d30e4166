package nl.tijdig.payment.statement;

import java.util.List;

/** A bank statement that cannot be read: every problem with where it is (line, column or entry). */
public class StatementFormatException extends RuntimeException {

    private final List<String> problems;

    public StatementFormatException(List<String> problems) {
        super(problems.isEmpty() ? "not a bank statement" : problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
