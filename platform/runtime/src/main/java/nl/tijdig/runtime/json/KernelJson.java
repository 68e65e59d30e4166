package nl.tijdig.runtime.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import nl.tijdig.events.EventJson;

/**
 * The REST APIs write the kernel's types as the events do: money as {@code {"amount": "12.50",
 * "currency": "EUR"}}, typed ids as UUID strings.
 */
@Singleton
public class KernelJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(EventJson.kernelModule());
    }
}
