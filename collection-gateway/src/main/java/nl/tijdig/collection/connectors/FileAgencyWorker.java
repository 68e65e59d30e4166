package nl.tijdig.collection.connectors;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.tijdig.collection.config.CollectionConfig;
import nl.tijdig.collection.domain.CaseFile;
import nl.tijdig.collection.domain.CollectionCase;
import nl.tijdig.collection.store.CaseFiles;
import nl.tijdig.collection.store.CollectionCases;
import nl.tijdig.collection.store.HandOvers;
import nl.tijdig.collection.store.Notices;
import nl.tijdig.collection.store.Partners;
import org.jboss.logging.Logger;

/**
 * The batch-file agencies' folders ({@code tijdig.collection.files.root}/{@code <partner id>}):
 * <ul>
 * <li>once a day from {@code export-at} (Europe/Amsterdam), the cases handed to each agency since its last file go
 * into {@code out/cases-<date>.csv} — written beside, then moved into place, before the transaction that records the
 * cases SUBMITTED commits; should that commit fail, the next file holds them again, which the contract allows (the
 * case reference is the agency's key);</li>
 * <li>at once, the cases the creditor took back go into {@code out/recalls-<date>-<hhmmss>.csv};</li>
 * <li>every status file the agency puts in {@code in/} ({@code *.csv}) is claimed by moving it to {@code in/processing},
 * imported record by record ({@link StatusImport}), then moved to {@code in/processed} with
 * {@code <name>.result.csv} beside it (each line's outcome). A file left in {@code processing} longer than
 * {@code abandoned-after} is imported again: its applied records count once.</li>
 * </ul>
 */
@ApplicationScoped
public class FileAgencyWorker {

    private static final Logger LOG = Logger.getLogger(FileAgencyWorker.class);
    private static final Duration DB = Duration.ofSeconds(60);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Inject
    Pool pool;

    @Inject
    CaseFiles caseFiles;

    @Inject
    HandOvers handOvers;

    @Inject
    Notices notices;

    @Inject
    CollectionCases cases;

    @Inject
    Partners partners;

    @Inject
    StatusImport statusImport;

    @Inject
    CollectionConfig config;

    @Inject
    Clock clock;

    private Poller poller;

    void start(@Observes StartupEvent event) {
        if (!config.files().enabled()) {
            LOG.info("batch-file agencies are off (tijdig.collection.files.enabled=false): their cases wait");
            return;
        }
        poller = Poller.every("tijdig-agency-files", config.files().poll(), this::export, this::recalls, this::importStatuses);
        LOG.infof("batch-file agencies: folders under %s, case files daily from %s", root().toAbsolutePath(), config.files().exportAt());
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.close();
        }
    }

    /** The partner's folder: {@code out} (case files) and {@code in} (status files). */
    public Path folder(UUID partnerId) {
        return root().resolve(partnerId.toString());
    }

    private Path root() {
        return Path.of(config.files().root());
    }

    /** Writes the day's case file of every agency with cases waiting, once the day's export time has come. */
    void export() {
        ZonedDateTime now = clock.instant().atZone(AMSTERDAM);
        if (now.toLocalTime().isBefore(config.files().exportAt())) {
            return;
        }
        LocalDate today = now.toLocalDate();
        for (CaseFiles.Due due : caseFiles.due(pool, today).await().atMost(DB)) {
            String name = "cases-" + today + ".csv";
            Path out = folder(due.partnerId()).resolve("out");
            int written = pool.withTransaction(tx -> caseFiles.claim(tx, due, today, name).chain(entries -> entries.isEmpty()
                            ? Uni.createFrom().item(0)
                            : Uni.createFrom().item(() -> write(out, name, CaseFile.write(entries)))
                                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                    .chain(() -> submitted(tx, due, entries, name))))
                    .await().atMost(DB);
            if (written > 0) {
                LOG.infof("case file %s: %d case(s) for agency %s", out.resolve(name), written, due.partnerId());
            }
        }
    }

    /** Writes, at once, a recall file for every batch-file agency with cases taken back since its last one. */
    void recalls() {
        for (UUID partnerId : notices.partnersWaiting(pool, "CSV_AGENCY").await().atMost(DB)) {
            ZonedDateTime now = clock.instant().atZone(AMSTERDAM);
            String name = "recalls-" + now.toLocalDate() + "-" + now.toLocalTime().withNano(0).toString().replace(":", "") + ".csv";
            Path out = folder(partnerId).resolve("out");
            int written = pool.withTransaction(tx -> notices.pendingOf(tx, partnerId).chain(recalls -> recalls.isEmpty()
                            ? Uni.createFrom().item(0)
                            : Uni.createFrom().item(() -> write(out, name, CaseFile.recalls(recalls.stream().map(r -> new CaseFile.Recalled(
                                            r.collectionCaseId(), r.at().atZone(AMSTERDAM).toLocalDate(), r.reason())).toList())))
                                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                    .chain(() -> notices.done(tx, recalls)).replaceWith(recalls.size())))
                    .await().atMost(DB);
            if (written > 0) {
                LOG.infof("recall file %s: %d case(s) for agency %s", out.resolve(name), written, partnerId);
            }
        }
    }

    private Uni<Integer> submitted(SqlConnection tx, CaseFiles.Due due, List<CaseFile.Entry> entries, String name) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CaseFile.Entry entry : entries) {
            chain = chain.chain(() -> handOvers.done(tx, entry.collectionCaseId()))
                    .chain(() -> cases.execute(tx, due.tenant(), entry.collectionCaseId(),
                            new CollectionCase.HandedOver(null, "in case file " + name, clock.instant()), null))
                    .replaceWithVoid();
        }
        return chain.replaceWith(entries.size());
    }

    /** Writes the file beside its name, forces it to disk, then moves it into place in one step. */
    private static Void write(Path folder, String name, String text) {
        try {
            Files.createDirectories(folder);
            Path partial = folder.resolve("." + name + ".partial");
            Files.writeString(partial, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(partial, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the case file " + folder.resolve(name), e);
        }
    }

    /** Imports the status files every batch-file agency has put in its folder. */
    void importStatuses() {
        if (!Files.isDirectory(root())) {
            return;
        }
        for (Partners.Connection partner : partners.ofKind(pool, "CSV_AGENCY").await().atMost(DB)) {
            Path in = folder(partner.partner().partnerId()).resolve("in");
            if (!Files.isDirectory(in)) {
                continue;
            }
            reclaimAbandoned(in);
            for (Path file : list(in)) {
                claim(in, file).ifPresent(claimed -> importFile(partner, in, claimed));
            }
        }
    }

    private void importFile(Partners.Connection partner, Path in, Path claimed) {
        String name = claimed.getFileName().toString();
        StatusImport.Result result;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(claimed))).toString();
            result = statusImport.importText(partner, text).await().atMost(Duration.ofMinutes(10));
        } catch (CharacterCodingException e) {
            result = new StatusImport.Result(0, 0, 1, List.of(new StatusImport.LineResult(1, null, null, "REFUSED", "file",
                    "is not UTF-8")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path processed = Files.createDirectories(in.resolve("processed"));
            Files.writeString(processed.resolve(name + ".result.csv"), result.csv(), StandardCharsets.UTF_8);
            Files.move(claimed, processed.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.infof("status file %s of agency %s: %d applied, %d duplicate, %d refused", name, partner.partner().partnerId(),
                result.applied(), result.duplicates(), result.refused());
    }

    private static List<Path> list(Path in) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(in, "*.{csv,CSV}")) {
            stream.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }

    /** Claims a file by moving it to {@code processing} (one instance wins); its time set to now for the abandonment rule. */
    private Optional<Path> claim(Path in, Path file) {
        try {
            Path processing = Files.createDirectories(in.resolve("processing"));
            Path claimed = Files.move(file, processing.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            Files.setLastModifiedTime(claimed, FileTime.from(clock.instant()));
            return Optional.of(claimed);
        } catch (IOException e) {
            return Optional.empty(); // another instance took it
        }
    }

    /** Files whose importer died are put back into {@code in}. */
    private void reclaimAbandoned(Path in) {
        Path processing = in.resolve("processing");
        if (!Files.isDirectory(processing)) {
            return;
        }
        for (Path file : list(processing)) {
            try {
                if (Files.getLastModifiedTime(file).toInstant().plus(config.files().abandonedAfter()).isBefore(clock.instant())) {
                    Files.move(file, in.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    LOG.infof("status file %s was left in processing: imported again", file);
                }
            } catch (IOException e) {
                LOG.debugf("status file %s: %s", file, e.getMessage());
            }
        }
    }
}
