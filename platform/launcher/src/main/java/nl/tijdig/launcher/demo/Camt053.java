package nl.tijdig.launcher.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A camt.053.001.02 day statement of the creditor's account with incoming transfers, as a Dutch bank sends it. */
public final class Camt053 {

    private record Credit(String amount, String payer, String iban, String structuredReference, String text) {
    }

    private final String account;
    private final LocalDate day;
    private final List<Credit> credits = new ArrayList<>();

    public Camt053(String account, LocalDate day) {
        this.account = account;
        this.day = day;
    }

    /** A transfer quoting the invoice's betalingskenmerk as a structured creditor reference. */
    public Camt053 creditWithReference(String amount, String payer, String iban, String betalingskenmerk) {
        credits.add(new Credit(amount, payer, iban, betalingskenmerk, null));
        return this;
    }

    /** A transfer with only free text (e.g. "Factuur E2E-000003"). */
    public Camt053 creditWithText(String amount, String payer, String iban, String text) {
        credits.add(new Credit(amount, payer, iban, null, text));
        return this;
    }

    public String xml() {
        StringBuilder entries = new StringBuilder();
        int n = 0;
        for (Credit credit : credits) {
            n++;
            String remittance = credit.structuredReference() != null
                    ? "<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>CUR</Issr></Tp><Ref>"
                            + credit.structuredReference() + "</Ref></CdtrRefInf></Strd>"
                    : "<Ustrd>" + credit.text() + "</Ustrd>";
            entries.append("""
                          <Ntry>
                            <Amt Ccy="EUR">%s</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <Sts>BOOK</Sts>
                            <BookgDt><Dt>%s</Dt></BookgDt>
                            <ValDt><Dt>%s</Dt></ValDt>
                            <AcctSvcrRef>E2E-%s-%d</AcctSvcrRef>
                            <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                            <NtryDtls><TxDtls>
                              <RltdPties><Dbtr><Nm>%s</Nm></Dbtr><DbtrAcct><Id><IBAN>%s</IBAN></Id></DbtrAcct></RltdPties>
                              <RmtInf>%s</RmtInf>
                            </TxDtls></NtryDtls>
                          </Ntry>
                    """.formatted(credit.amount(), day, day, day, n, credit.payer(), credit.iban(), remittance));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>E2E-%s</MsgId><CreDtTm>%sT06:00:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>E2E-STMT-%s</Id>
                      <CreDtTm>%sT06:00:00</CreDtTm>
                      <Acct><Id><IBAN>%s</IBAN></Id></Acct>
                      <Bal>
                        <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>
                        <Amt Ccy="EUR">0.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Dt><Dt>%s</Dt></Dt>
                      </Bal>
                %s    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(day, day, day, day, account, day, entries);
    }
}
