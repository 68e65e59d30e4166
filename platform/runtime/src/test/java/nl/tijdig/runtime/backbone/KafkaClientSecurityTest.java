package nl.tijdig.runtime.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {

    @Test
    void the_clients_take_the_security_settings_that_are_set_and_nothing_else() {
        // given a service configured as deploy/ configures it, plus settings that are not about security
        Map<String, String> config = Map.of(
                "kafka.bootstrap.servers", "tijdig-kafka-bootstrap:9093",
                "kafka.request.timeout.ms", "3000",
                "kafka.security.protocol", "SASL_SSL",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "kafka.ssl.truststore.type", "PEM",
                "kafka.ssl.truststore.location", "/etc/tijdig/kafka-ca/ca.crt",
                "kafka.ssl.keystore.location", " ");

        // when
        Map<String, String> security = KafkaClientSecurity.from(name -> Optional.ofNullable(config.get(name)));

        // then only the security settings, without the prefix, and not the blank one
        assertThat(security).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.type", "ssl.truststore.location");
        assertThat(security).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void a_local_broker_without_security_gets_no_settings() {
        assertThat(KafkaClientSecurity.from(name -> Optional.empty())).isEmpty();
    }
}
