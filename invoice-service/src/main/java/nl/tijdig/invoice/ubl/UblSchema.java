package nl.tijdig.invoice.ubl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The OASIS UBL 2.1 schemas for Invoice and CreditNote, carried unmodified in
 * {@code src/main/resources/ubl-2.1} (see the NOTICE there), compiled once. Documents are read with
 * DOCTYPEs refused and no external entity or schema fetched, so a document cannot make the service
 * read files or call out.
 */
public final class UblSchema {

    /** The most schema errors reported for one document. */
    static final int MAX_ERRORS = 20;

    private static final Schema SCHEMA = compile();

    private UblSchema() {
    }

    /** The compiled Invoice + CreditNote schema (thread-safe). */
    public static Schema schema() {
        return SCHEMA;
    }

    /** One thing the schema (or the XML parser) found wrong, with where it is. */
    public record Problem(int line, int column, String message) {

        @Override
        public String toString() {
            return "line " + line + ", column " + column + ": " + message;
        }
    }

    /** Validates a document against the UBL 2.1 schema; empty when it is valid. */
    public static List<Problem> validate(byte[] document) {
        Collector errors = new Collector();
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(errors);
            validator.validate(source(document));
        } catch (SAXParseException e) {
            errors.add(e); // fatal: the parser stopped here
        } catch (SAXException | IOException e) {
            errors.problems.add(new Problem(0, 0, e.getMessage()));
        }
        return List.copyOf(errors.problems);
    }

    /** A SAX source over the bytes that refuses DOCTYPEs (no entities, no XXE). */
    static Source source(byte[] document) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            return new SAXSource(reader, new InputSource(new ByteArrayInputStream(document)));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be configured securely", e);
        }
    }

    private static Schema compile() {
        URL invoice = resource("ubl-2.1/maindoc/UBL-Invoice-2.1.xsd");
        URL creditNote = resource("ubl-2.1/maindoc/UBL-CreditNote-2.1.xsd");
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // our own schema files import each other by relative location, from the class path only
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,jrt");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory.newSchema(new Source[] {
                    new StreamSource(invoice.toExternalForm()), new StreamSource(creditNote.toExternalForm())});
        } catch (SAXException e) {
            throw new IllegalStateException("the UBL 2.1 schemas do not compile", e);
        }
    }

    private static URL resource(String name) {
        URL url = UblSchema.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return url;
    }

    /** Collects errors instead of stopping at the first. */
    static final class Collector implements ErrorHandler {

        final List<Problem> problems = new ArrayList<>();

        void add(SAXParseException e) {
            if (problems.size() < MAX_ERRORS) {
                problems.add(new Problem(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
            }
        }

        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException e) {
            add(e);
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
