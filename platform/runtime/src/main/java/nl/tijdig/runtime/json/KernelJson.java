package nl.tijdig.runtime.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import nl.tijdig.events.EventJson;

/**
 * The REST APIs write the kernel's types as the events do: money as {@code {"amount": "12.50",
 * "currency": "EUR"}}, typed ids as UUID strings. A request field the API does not define is refused
 * (400 naming it), so a client cannot set what the server owns — ids, the tenant, a status, computed
 * amounts (OWASP API3, mass assignment) — and a typo is not silently ignored. Reading is strict
 * ({@link StrictJson}): no coercion between kinds of value, duplicate keys refused, every value held to
 * {@link Limits}.
 */
@Singleton
public class KernelJson implements ObjectMapperCustomizer {

    /**
     * Applied last, after Quarkus registers the modules it finds (JavaTimeModule among them): a module registered
     * later is asked first, so the strict readers of dates and moments are the ones used.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(EventJson.kernelModule());
        StrictJson.apply(mapper);
    }
}
