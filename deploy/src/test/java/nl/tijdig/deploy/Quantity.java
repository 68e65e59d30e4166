package nl.tijdig.deploy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes memory quantities (512Mi, 1Gi, 1G, 1000) in bytes, to compare requests with limits. */
final class Quantity {

    private static final Pattern QUANTITY = Pattern.compile("(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T)?");
    private static final Map<String, Long> FACTORS = Map.of("Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40,
            "K", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L, "T", 1_000_000_000_000L);

    private Quantity() {
    }

    static BigDecimal bytes(String quantity) {
        Matcher m = QUANTITY.matcher(quantity);
        if (!m.matches()) {
            throw new AssertionError("not a memory quantity: " + quantity);
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        return m.group(2) == null ? amount : amount.multiply(BigDecimal.valueOf(FACTORS.get(m.group(2))));
    }
}
