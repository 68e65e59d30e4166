package nl.tijdig.payment.statement;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.IntFunction;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a camt.053.001.02 statement of any number of credit entries, streaming (for the large-file
 * test and the benchmark): entry {@code i} pays {@code amount(i)} with remittance {@code remittance(i)}.
 */
public final class LargeStatements {

    private LargeStatements() {
    }

    public static Path camt053(int entries, IntFunction<BigDecimal> amount, IntFunction<String> remittance) {
        try {
            Path file = Files.createTempFile("large-statement-", ".xml");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeStartElement("Document");
                xml.writeDefaultNamespace(CamtReader.V02);
                xml.writeStartElement("BkToCstmrStmt");
                xml.writeStartElement("GrpHdr");
                element(xml, "MsgId", "LARGE-" + entries);
                element(xml, "CreDtTm", "2026-11-20T06:00:00");
                xml.writeEndElement();
                xml.writeStartElement("Stmt");
                element(xml, "Id", "LARGE-STMT-" + entries);
                element(xml, "CreDtTm", "2026-11-20T06:00:00");
                xml.writeStartElement("Acct");
                xml.writeStartElement("Id");
                element(xml, "IBAN", "NL91ABNA0417164300");
                xml.writeEndElement();
                xml.writeEndElement();
                LocalDate day = LocalDate.of(2026, 11, 19);
                xml.writeStartElement("Bal");
                xml.writeStartElement("Tp");
                xml.writeStartElement("CdOrPrtry");
                element(xml, "Cd", "OPBD");
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement("Amt");
                xml.writeAttribute("Ccy", "EUR");
                xml.writeCharacters("0.00");
                xml.writeEndElement();
                element(xml, "CdtDbtInd", "CRDT");
                xml.writeStartElement("Dt");
                element(xml, "Dt", day.toString());
                xml.writeEndElement();
                xml.writeEndElement();
                for (int i = 0; i < entries; i++) {
                    xml.writeStartElement("Ntry");
                    xml.writeStartElement("Amt");
                    xml.writeAttribute("Ccy", "EUR");
                    xml.writeCharacters(amount.apply(i).toPlainString());
                    xml.writeEndElement();
                    element(xml, "CdtDbtInd", "CRDT");
                    element(xml, "Sts", "BOOK");
                    xml.writeStartElement("BookgDt");
                    element(xml, "Dt", day.toString());
                    xml.writeEndElement();
                    xml.writeStartElement("ValDt");
                    element(xml, "Dt", day.toString());
                    xml.writeEndElement();
                    element(xml, "AcctSvcrRef", "LARGE-" + i);
                    xml.writeStartElement("BkTxCd");
                    xml.writeStartElement("Domn");
                    element(xml, "Cd", "PMNT");
                    xml.writeStartElement("Fmly");
                    element(xml, "Cd", "RCDT");
                    element(xml, "SubFmlyCd", "ESCT");
                    xml.writeEndElement();
                    xml.writeEndElement();
                    xml.writeEndElement();
                    xml.writeStartElement("NtryDtls");
                    xml.writeStartElement("TxDtls");
                    xml.writeStartElement("Refs");
                    element(xml, "EndToEndId", "E2E-" + i);
                    xml.writeEndElement();
                    xml.writeStartElement("RltdPties");
                    xml.writeStartElement("Dbtr");
                    element(xml, "Nm", "BETALER " + i);
                    xml.writeEndElement();
                    xml.writeEndElement();
                    xml.writeStartElement("RmtInf");
                    element(xml, "Ustrd", remittance.apply(i));
                    xml.writeEndElement();
                    xml.writeEndElement();
                    xml.writeEndElement();
                    xml.writeEndElement();
                }
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndDocument();
                xml.close();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
