package nl.tijdig.security;

/**
 * How the suite exercises one operation: a call tenant A may make (setting up what it needs, so each
 * call may use something up), and how tenant B's token is checked against A's objects.
 */
interface Fixture {

    /** A fresh call on tenant A's objects. */
    Call call();

    /** Tenant B's token against this call (or the objects it names): never A's data, never A's change. */
    void otherTenant(Call call);

    /** A fixture of a call maker and the other-tenant check. */
    static Fixture of(java.util.function.Supplier<Call> call, java.util.function.Consumer<Call> other) {
        return new Fixture() {
            @Override
            public Call call() {
                return call.get();
            }

            @Override
            public void otherTenant(Call c) {
                other.accept(c);
            }
        };
    }
}
