package nl.tijdig.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final byte[] SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_sealed_secret_opens_with_its_key_and_does_not_show_the_secret() {
        // given a box with one key
        SecretBox box = new SecretBox(List.of(SecretBox.newKey()));
        // when a secret is sealed
        byte[] sealed = box.seal(SECRET);
        // then the stored bytes do not contain it, differ each time, and open to it
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("whsec_");
        assertThat(box.seal(SECRET)).isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo(SECRET);
    }

    @Test
    void after_a_key_rotation_old_values_still_open_and_new_ones_use_the_new_key() {
        // given a value sealed under the old key
        String old = SecretBox.newKey();
        byte[] sealedBefore = new SecretBox(List.of(old)).seal(SECRET);
        // when a new key is put first
        SecretBox rotated = new SecretBox(List.of(SecretBox.newKey(), old));
        // then the old value opens and is known as sealed with an old key; new values are sealed with the new key
        assertThat(rotated.open(sealedBefore)).isEqualTo(SECRET);
        assertThat(rotated.sealedWithOldKey(sealedBefore)).isTrue();
        assertThat(rotated.sealedWithOldKey(rotated.seal(SECRET))).isFalse();
        // and once the old key is dropped, the old value no longer opens
        assertThatThrownBy(() -> new SecretBox(List.of(SecretBox.newKey())).open(sealedBefore))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not configured");
    }

    @Test
    void a_changed_value_or_a_bad_key_is_refused() {
        SecretBox box = new SecretBox(List.of(SecretBox.newKey()));
        byte[] sealed = box.seal(SECRET);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(sealed)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("changed");
        assertThatThrownBy(() -> new SecretBox(List.of("c2hvcnQ="))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretBox(List.of())).hasMessageContaining("at least one key");
    }
}
