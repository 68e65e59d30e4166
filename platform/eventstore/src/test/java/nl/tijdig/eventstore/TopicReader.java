package nl.tijdig.eventstore;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import nl.tijdig.testing.kafka.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a topic of this module's broker from the start (see {@link TopicProbe}). */
final class TopicReader {

    private TopicReader() {
    }

    static List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
            int atLeast, Duration timeout) {
        return TopicProbe.read(Infrastructure.kafka().bootstrapServers(), topic, match, atLeast, timeout);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        return TopicProbe.header(record, name);
    }
}
