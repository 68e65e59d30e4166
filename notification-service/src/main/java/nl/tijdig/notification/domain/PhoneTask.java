package nl.tijdig.notification.domain;

/**
 * A phone task's life: OPEN in the work list; CLAIMED by one of the staff (who may claim it again; another
 * may not); DONE when the call's outcome is recorded (by whoever claimed it, or by anyone while it is OPEN).
 * A decision is the new state or why it is refused.
 */
public final class PhoneTask {

    private PhoneTask() {
    }

    public enum Status {
        OPEN,
        CLAIMED,
        DONE
    }

    /** A task as it stands. */
    public record State(Status status, String claimedBy) {
    }

    /** What a command does to a task. */
    public sealed interface Decision permits Changed, Refused {
    }

    /** The task's new state. */
    public record Changed(State state) implements Decision {
    }

    /** Not allowed, and why. */
    public record Refused(String reason) implements Decision {
    }

    public static Decision claim(State task, String user) {
        return switch (task.status()) {
            case OPEN -> new Changed(new State(Status.CLAIMED, user));
            case CLAIMED -> task.claimedBy().equals(user) ? new Changed(task)
                    : new Refused("the task is claimed by " + task.claimedBy());
            case DONE -> new Refused("the task is done");
        };
    }

    public static Decision complete(State task, String user) {
        return switch (task.status()) {
            case OPEN -> new Changed(new State(Status.DONE, user));
            case CLAIMED -> task.claimedBy().equals(user) ? new Changed(new State(Status.DONE, user))
                    : new Refused("the task is claimed by " + task.claimedBy());
            case DONE -> new Refused("the task is done");
        };
    }
}
