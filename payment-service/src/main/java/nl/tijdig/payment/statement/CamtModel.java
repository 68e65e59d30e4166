package nl.tijdig.payment.statement;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The parts of a camt.053 statement that Tijdig reads, one JAXB model for every version (.001.02 to
 * .001.13 and the national variants of them): the reader binds it without namespaces, so an element is
 * known by its name wherever the version puts it. Where versions differ in shape, both shapes are here
 * (a party's name directly in {@code Dbtr} up to .04, in {@code Dbtr/Pty} from .08; a status as text up
 * to .04, as {@code Sts/Cd} after). Values are kept as text: the reader parses them and says where one
 * cannot be read. Elements not named here are skipped; the schema check reports them when they are wrong.
 */
final class CamtModel {

    private CamtModel() {
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Amount {
        @XmlAttribute(name = "Ccy")
        String ccy;
        @XmlValue
        String value;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class AmountHolder {
        @XmlElement(name = "Amt")
        Amount amt;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class DateChoice {
        @XmlElement(name = "Dt")
        String dt;
        @XmlElement(name = "DtTm")
        String dtTm;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class CodeOrProprietary {
        @XmlElement(name = "Cd")
        String cd;
        @XmlElement(name = "Prtry")
        String prtry;
    }

    /** {@code <Sts>BOOK</Sts>} (.02, .04) or {@code <Sts><Cd>BOOK</Cd></Sts>} (.08 and later). */
    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Status {
        @XmlMixed
        @XmlAnyElement
        List<Object> content = new ArrayList<>();

        String code() {
            StringBuilder text = new StringBuilder();
            for (Object part : content) {
                if (part instanceof String s) {
                    text.append(s);
                } else if (part instanceof Element child && text.toString().isBlank()) {
                    text.setLength(0);
                    text.append(child.getTextContent());
                }
            }
            String code = text.toString().strip();
            return code.isEmpty() ? null : code;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Account {
        @XmlElement(name = "Id")
        AccountId id;
        @XmlElement(name = "Ccy")
        String ccy;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class AccountId {
        @XmlElement(name = "IBAN")
        String iban;
        @XmlElement(name = "Othr")
        Other othr;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Other {
        @XmlElement(name = "Id")
        String id;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Balance {
        @XmlElement(name = "Tp")
        BalanceType tp;
        @XmlElement(name = "Amt")
        Amount amt;
        @XmlElement(name = "CdtDbtInd")
        String cdtDbtInd;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class BalanceType {
        @XmlElement(name = "CdOrPrtry")
        CodeOrProprietary cdOrPrtry;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Entry {
        @XmlElement(name = "NtryRef")
        String ntryRef;
        @XmlElement(name = "Amt")
        Amount amt;
        @XmlElement(name = "CdtDbtInd")
        String cdtDbtInd;
        @XmlElement(name = "RvslInd")
        String rvslInd;
        @XmlElement(name = "Sts")
        Status sts;
        @XmlElement(name = "BookgDt")
        DateChoice bookgDt;
        @XmlElement(name = "ValDt")
        DateChoice valDt;
        @XmlElement(name = "AcctSvcrRef")
        String acctSvcrRef;
        @XmlElement(name = "NtryDtls")
        List<EntryDetails> ntryDtls = new ArrayList<>();
        @XmlElement(name = "AddtlNtryInf")
        String addtlNtryInf;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class EntryDetails {
        @XmlElement(name = "Btch")
        Batch btch;
        @XmlElement(name = "TxDtls")
        List<Transaction> txDtls = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Batch {
        @XmlElement(name = "MsgId")
        String msgId;
        @XmlElement(name = "PmtInfId")
        String pmtInfId;
        @XmlElement(name = "NbOfTxs")
        String nbOfTxs;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Transaction {
        @XmlElement(name = "Refs")
        References refs;
        @XmlElement(name = "Amt")
        Amount amt;
        @XmlElement(name = "CdtDbtInd")
        String cdtDbtInd;
        @XmlElement(name = "AmtDtls")
        AmountDetails amtDtls;
        @XmlElement(name = "RltdPties")
        Parties rltdPties;
        @XmlElement(name = "RmtInf")
        RemittanceInformation rmtInf;
        @XmlElement(name = "RtrInf")
        ReturnInformation rtrInf;
        @XmlElement(name = "AddtlTxInf")
        String addtlTxInf;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class References {
        @XmlElement(name = "AcctSvcrRef")
        String acctSvcrRef;
        @XmlElement(name = "EndToEndId")
        String endToEndId;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class AmountDetails {
        @XmlElement(name = "InstdAmt")
        AmountHolder instdAmt;
        @XmlElement(name = "TxAmt")
        AmountHolder txAmt;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Parties {
        @XmlElement(name = "Dbtr")
        Party dbtr;
        @XmlElement(name = "DbtrAcct")
        Account dbtrAcct;
        @XmlElement(name = "UltmtDbtr")
        Party ultmtDbtr;
        @XmlElement(name = "Cdtr")
        Party cdtr;
        @XmlElement(name = "CdtrAcct")
        Account cdtrAcct;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Party {
        @XmlElement(name = "Nm")
        String nm;
        @XmlElement(name = "Pty")
        PartyName pty;

        String name() {
            return nm != null ? nm : pty == null ? null : pty.nm;
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class PartyName {
        @XmlElement(name = "Nm")
        String nm;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class RemittanceInformation {
        @XmlElement(name = "Ustrd")
        List<String> ustrd = new ArrayList<>();
        @XmlElement(name = "Strd")
        List<Structured> strd = new ArrayList<>();
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Structured {
        @XmlElement(name = "CdtrRefInf")
        CreditorReference cdtrRefInf;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class CreditorReference {
        @XmlElement(name = "Tp")
        CreditorReferenceType tp;
        @XmlElement(name = "Ref")
        String ref;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class CreditorReferenceType {
        @XmlElement(name = "CdOrPrtry")
        CodeOrProprietary cdOrPrtry;
        @XmlElement(name = "Issr")
        String issr;
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class ReturnInformation {
        @XmlElement(name = "Rsn")
        CodeOrProprietary rsn;
        @XmlElement(name = "AddtlInf")
        List<String> addtlInf = new ArrayList<>();
    }
}
