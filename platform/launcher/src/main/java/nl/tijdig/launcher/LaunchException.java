package nl.tijdig.launcher;

/** Something the person starting the platform can act on: printed as it is, without a stack trace. */
public final class LaunchException extends RuntimeException {

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
