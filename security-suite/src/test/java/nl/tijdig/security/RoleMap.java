package nl.tijdig.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The role map of {@code docs/security.md}: per service, per operation, the roles that may call it. */
final class RoleMap {

    /** Every role a token can have, and "none" for a token without any Tijdig role. */
    static final List<String> ROLES = List.of("integrator", "tenant-admin", "collector", "operator");

    private static final Pattern ROW = Pattern.compile("^\\|\\s*([a-z-]+)\\s*\\|\\s*`([A-Z]+ [^`]+)`\\s*\\|\\s*([a-z, -]+)\\|\\s*$");

    private final Map<String, Map<String, List<String>>> byService;

    private RoleMap(Map<String, Map<String, List<String>>> byService) {
        this.byService = byService;
    }

    static RoleMap read(Path securityMd) {
        Map<String, Map<String, List<String>>> map = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(securityMd)) {
                Matcher row = ROW.matcher(line.trim());
                if (row.matches()) {
                    List<String> roles = Arrays.stream(row.group(3).split(",")).map(String::trim)
                            .filter(r -> !r.isEmpty()).toList();
                    map.computeIfAbsent(row.group(1), s -> new LinkedHashMap<>()).put(row.group(2), roles);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RoleMap(map);
    }

    /** The operations of a service as "METHOD /path", with their roles. */
    Map<String, List<String>> of(String service) {
        return byService.getOrDefault(service, Map.of());
    }
}
