package nl.tijdig.payment.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.tijdig.kernel.Money;
import nl.tijdig.payment.domain.StatementCheck;
import nl.tijdig.payment.domain.StatementEntry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * camt.053 of every version through one mapping; the bank's deviations from the schema as warnings with line
 * and column; strict refusals where an entry's meaning is at stake; balances checked against the entries.
 * Each statement here is first checked against the official ISO 20022 schema of its version (a statement
 * that the schema accepts gives no warning), so the fixtures are what banks are required to send.
 */
public class CamtVersionsTest {

    public static final String ISO = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.";
    static final String STUZZA = "ISO:camt.053.001.02:APC:STUZZA:payments:003";

    /** A schema-valid statement of the version: one booked credit with a betalingskenmerk, balances that add up. */
    public static String statement(String namespace, String entries, String opening, String closing) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="%s">
                  <BkToCstmrStmt>
                    <GrpHdr>
                      <MsgId>MSG-2026-11-20</MsgId>
                      <CreDtTm>2026-11-20T18:00:00</CreDtTm>
                    </GrpHdr>
                    <Stmt>
                      <Id>STMT-2026-11-20</Id>
                      <CreDtTm>2026-11-20T18:00:00</CreDtTm>
                      <Acct>
                        <Id>
                          <IBAN>NL91ABNA0417164300</IBAN>
                        </Id>
                      </Acct>
                %s%s%s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(namespace, balance("OPBD", opening), balance("CLBD", closing), entries);
    }

    static String balance(String type, String amount) {
        return """
                      <Bal>
                        <Tp>
                          <CdOrPrtry>
                            <Cd>%s</Cd>
                          </CdOrPrtry>
                        </Tp>
                        <Amt Ccy="EUR">%s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Dt>
                          <Dt>2026-11-20</Dt>
                        </Dt>
                      </Bal>
                """.formatted(type, amount);
    }

    /** One booked credit transfer, shaped as the version has it (status, party, the detail's own amount). */
    public static String credit(String version, String amount, String reference, String extraRefs) {
        boolean v02 = version.equals("02");
        boolean partyChoice = version.compareTo("08") >= 0;
        String status = version.compareTo("04") <= 0 ? "<Sts>BOOK</Sts>" : "<Sts><Cd>BOOK</Cd></Sts>";
        String ownAmount = v02 ? "" : "<Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>CRDT</CdtDbtInd>";
        String name = partyChoice ? "<Dbtr><Pty><Nm>Bakkerij De Gouden Korst BV</Nm></Pty></Dbtr>"
                : "<Dbtr><Nm>Bakkerij De Gouden Korst BV</Nm></Dbtr>";
        return """
                      <Ntry>
                        <Amt Ccy="EUR">%s</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        %s
                        <BookgDt><Dt>2026-11-20</Dt></BookgDt>
                        <ValDt><Dt>2026-11-20</Dt></ValDt>
                        <AcctSvcrRef>BANK-0001</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                          <TxDtls>
                            <Refs><EndToEndId>E2E-0001</EndToEndId>%s</Refs>
                            %s
                            <RltdPties>%s<DbtrAcct><Id><IBAN>NL93RABO0123456780</IBAN></Id></DbtrAcct></RltdPties>
                            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>%s</Ref></CdtrRefInf></Strd></RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                """.formatted(amount, status, extraRefs, ownAmount, name, reference);
    }

    static Path file(String xml) {
        return StatementFixtures.file(xml);
    }

    static List<StatementEntry> read(Path file) {
        List<StatementEntry> entries = new ArrayList<>();
        CamtReader.read(file, entries::add);
        return entries;
    }

    @ParameterizedTest(name = "camt.053.001.{0}")
    @ValueSource(strings = {"02", "04", "08", "10", "13"})
    void every_version_reads_into_the_same_entry_and_a_statement_its_schema_accepts_gives_no_warning(String version) {
        // given a schema-valid statement of the version with one credit of 121.00 and balances that add up
        Path file = file(statement(ISO + version, credit(version, "121.00", "5000056789012345", ""), "1000.00", "1121.00"));

        // when it is checked and read
        StatementCheck check = CamtReader.check(file);
        List<StatementEntry> entries = read(file);

        // then it is the same entry whatever the version
        assertThat(check.format()).isEqualTo("camt.053.001." + version);
        assertThat(check.warnings()).isEmpty();
        assertThat(check.entries()).isEqualTo(1);
        assertThat(check.balances()).singleElement().satisfies(b -> {
            assertThat(b.matches()).isTrue();
            assertThat(b.booked()).isEqualByComparingTo("121.00");
        });
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(StatementEntry.Kind.INCOMING);
            assertThat(e.account()).isEqualTo("NL91ABNA0417164300");
            assertThat(e.amount()).isEqualTo(Money.eur("121.00"));
            assertThat(e.bookingDate()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(e.counterpartyName()).isEqualTo("Bakkerij De Gouden Korst BV");
            assertThat(e.counterpartyIban()).isEqualTo("NL93RABO0123456780");
            assertThat(e.endToEndId()).isEqualTo("E2E-0001");
            assertThat(e.reference()).isEqualTo("5000056789012345");
        });
    }

    @Test
    void the_austrian_stuzza_variant_is_read_as_the_version_it_names() {
        Path file = file(statement(STUZZA, credit("02", "50.00", "5000056789012345", ""), "0.00", "50.00"));

        StatementCheck check = CamtReader.check(file);

        assertThat(check.format()).isEqualTo("camt.053.001.02");
        assertThat(check.warnings()).extracting(StatementCheck.Warning::message)
                .containsExactly(STUZZA + " is read as " + ISO + "02");
        assertThat(read(file)).singleElement().extracting(StatementEntry::amount).isEqualTo(Money.eur("50.00"));
    }

    @Test
    void a_version_without_a_schema_here_is_read_saying_it_was_not_checked() {
        Path file = file(statement(ISO + "06", credit("04", "50.00", "5000056789012345", ""), "0.00", "50.00"));

        StatementCheck check = CamtReader.check(file);

        assertThat(check.format()).isEqualTo("camt.053.001.06");
        assertThat(check.warnings()).singleElement().extracting(StatementCheck.Warning::message).asString()
                .contains("without a schema check");
        assertThat(check.entries()).isEqualTo(1);
    }

    @Test
    void a_deviation_that_does_not_change_the_entry_is_a_warning_with_line_and_column() {
        // given UBS's version-5 UETR (the schema wants version 4) and ING's MsgId after PmtInfId in a batch
        String uetr = "<UETR>c3b1a5d2-8e4f-5a6b-9c7d-0e1f2a3b4c5d</UETR>";
        String xml = statement(ISO + "08", credit("08", "121.00", "5000056789012345", uetr), "1000.00", "1121.00")
                .replace("<NtryDtls>", "<NtryDtls><Btch><PmtInfId>PMT-1</PmtInfId><MsgId>MSG-1</MsgId><NbOfTxs>1</NbOfTxs></Btch>");

        // when it is checked
        StatementCheck check = CamtReader.check(file(xml));

        // then it is read, and each deviation is named where it is
        assertThat(check.entries()).isEqualTo(1);
        int uetrLine = line(xml, "<UETR>");
        int batchLine = line(xml, "<MsgId>MSG-1");
        assertThat(check.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(uetrLine);
            assertThat(w.column()).isPositive();
            assertThat(w.message()).contains("UETR");
        });
        assertThat(check.warnings()).anySatisfy(w -> assertThat(w.line()).isEqualTo(batchLine));
    }

    @Test
    void an_entry_reference_out_of_place_is_read_with_a_warning() {
        // given a Volksbank-style entry with NtryRef after the booking date, where the schema has it first
        String xml = statement(ISO + "02", credit("02", "121.00", "5000056789012345", ""), "1000.00", "1121.00")
                .replace("<AcctSvcrRef>BANK-0001</AcctSvcrRef>", "<NtryRef>VB-77</NtryRef>");

        StatementCheck check = CamtReader.check(file(xml));

        assertThat(check.entries()).isEqualTo(1);
        assertThat(check.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(line(xml, "<NtryRef>"));
            assertThat(w.message()).contains("NtryRef");
        });
        assertThat(read(file(xml)).get(0).key()).contains("VB-77");
    }

    @Test
    void balances_that_do_not_add_up_are_shown_with_the_difference() {
        // given a statement whose balances move by 321.00 but whose one entry is 121.00
        Path file = file(statement(ISO + "02", credit("02", "121.00", "5000056789012345", ""), "1000.00", "1321.00"));

        StatementCheck check = CamtReader.check(file);

        assertThat(check.balances()).singleElement().satisfies(b -> {
            assertThat(b.matches()).isFalse();
            assertThat(b.opening()).isEqualByComparingTo("1000.00");
            assertThat(b.closing()).isEqualByComparingTo("1321.00");
            assertThat(b.booked()).isEqualByComparingTo("121.00");
            assertThat(b.difference()).isEqualByComparingTo("200.00");
        });
        assertThat(check.warnings()).singleElement().extracting(StatementCheck.Warning::message).asString()
                .contains("a difference of 200.00").contains("missing");
        assertThat(check.entries()).isEqualTo(1);
    }

    @Test
    void a_statement_cut_off_inside_an_entry_is_refused_naming_where_and_nothing_is_read() {
        String whole = statement(ISO + "02", credit("02", "121.00", "5000056789012345", "")
                + credit("02", "50.00", "5000056789012345", ""), "1000.00", "1171.00");
        int secondEntry = whole.indexOf("<Ntry>", whole.indexOf("<Ntry>") + 1);
        String cut = whole.substring(0, whole.indexOf("<RltdPties>", secondEntry));

        assertThatThrownBy(() -> CamtReader.check(file(cut))).isInstanceOfSatisfying(StatementFormatException.class,
                e -> assertThat(e.problems()).singleElement().asString()
                        .contains("entry (Ntry) that starts at line " + lineAt(whole, secondEntry))
                        .contains("cut off"));
    }

    @Test
    void an_entry_whose_amount_currency_indicator_or_date_cannot_be_read_refuses_the_file_naming_each() {
        String good = credit("02", "121.00", "5000056789012345", "");
        String entries = good.replace("<Amt Ccy=\"EUR\">121.00</Amt>", "<Amt Ccy=\"EUR\">121,00</Amt>")
                + good.replace("Ccy=\"EUR\">121.00", "Ccy=\"EURO\">121.00")
                + good.replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>CREDIT</CdtDbtInd>")
                + good.replace("<BookgDt><Dt>2026-11-20</Dt></BookgDt>", "");
        String xml = statement(ISO + "02", entries, "0", "0");

        assertThatThrownBy(() -> CamtReader.check(file(xml))).isInstanceOfSatisfying(StatementFormatException.class,
                e -> assertThat(e.problems()).hasSize(4).satisfiesExactly(
                        p -> assertThat(p).startsWith("line " + nth(xml, "<Ntry>", 1) + ":").contains("'121,00' is not an amount"),
                        p -> assertThat(p).startsWith("line " + nth(xml, "<Ntry>", 2) + ":").contains("'EURO'"),
                        p -> assertThat(p).startsWith("line " + nth(xml, "<Ntry>", 3) + ":").contains("'CREDIT'"),
                        p -> assertThat(p).startsWith("line " + nth(xml, "<Ntry>", 4) + ":").contains("booking date")));
    }

    @Test
    void a_file_without_a_statement_or_an_account_is_refused() {
        String noAccount = statement(ISO + "02", credit("02", "1.00", "5000056789012345", ""), "0", "1.00")
                .replace("<IBAN>NL91ABNA0417164300</IBAN>", "<Prtry>x</Prtry>");
        assertThatThrownBy(() -> CamtReader.check(file(noAccount))).isInstanceOfSatisfying(StatementFormatException.class,
                e -> assertThat(e.problems()).first().asString().contains("account"));
        String noStatement = "<Document xmlns=\"" + ISO + "13\"><BkToCstmrStmt><GrpHdr><MsgId>1</MsgId></GrpHdr>"
                + "</BkToCstmrStmt></Document>";
        assertThatThrownBy(() -> CamtReader.check(file(noStatement))).isInstanceOfSatisfying(StatementFormatException.class,
                e -> assertThat(e.problems()).containsExactly("the file has no statement (BkToCstmrStmt/Stmt)"));
    }

    @Test
    void a_pending_entry_is_not_imported_and_not_counted_in_the_balances() {
        String pending = credit("13", "75.00", "5000056789012345", "").replace("<Cd>BOOK</Cd>", "<Cd>PDNG</Cd>");
        Path file = file(statement(ISO + "13", credit("13", "121.00", "5000056789012345", "") + pending, "0", "121.00"));

        StatementCheck check = CamtReader.check(file);

        assertThat(check.entries()).isEqualTo(1);
        assertThat(check.balances()).singleElement().satisfies(b -> assertThat(b.matches()).isTrue());
        assertThat(check.warnings()).singleElement().extracting(StatementCheck.Warning::message).asString()
                .contains("PDNG");
    }

    @Test
    void a_batch_is_split_into_its_details_and_one_without_amounts_is_refused() {
        String detail = """
                <TxDtls><Refs><EndToEndId>%s</EndToEndId></Refs><Amt Ccy="EUR">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd></TxDtls>
                """;
        String batch = credit("13", "300.00", "5000056789012345", "").replaceFirst("(?s)<TxDtls>.*</TxDtls>",
                detail.formatted("B-1", "100.00") + detail.formatted("B-2", "200.00"));

        List<StatementEntry> entries = read(file(statement(ISO + "13", batch, "0", "300.00")));

        assertThat(entries).extracting(StatementEntry::amount).containsExactly(Money.eur("100.00"), Money.eur("200.00"));
        assertThat(entries).extracting(StatementEntry::endToEndId).containsExactly("B-1", "B-2");
        String withoutAmounts = batch.replaceAll("<Amt Ccy=\"EUR\">[12]00.00</Amt>", "");
        assertThatThrownBy(() -> CamtReader.check(file(statement(ISO + "13", withoutAmounts, "0", "300.00"))))
                .isInstanceOfSatisfying(StatementFormatException.class,
                        e -> assertThat(e.problems()).singleElement().asString().contains("cannot be split"));
    }

    @Test
    void a_returned_direct_debit_of_a_new_version_is_a_reversal_with_its_reason() {
        String returned = credit("10", "100.00", "5000056789012345", "")
                .replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>DBIT</CdtDbtInd>")
                .replace("<RmtInf>", "<RtrInf><Rsn><Cd>MD06</Cd></Rsn></RtrInf><RmtInf>");

        List<StatementEntry> entries = read(file(statement(ISO + "10", returned, "100.00", "0")));

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(StatementEntry.Kind.REVERSAL);
            assertThat(e.returnReason()).isEqualTo("MD06");
            assertThat(e.amount().amount()).isEqualByComparingTo(new BigDecimal("100.00"));
        });
    }

    private static int line(String text, String marker) {
        return lineAt(text, text.indexOf(marker));
    }

    private static int nth(String text, String marker, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = text.indexOf(marker, at + 1);
        }
        return lineAt(text, at);
    }

    private static int lineAt(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
