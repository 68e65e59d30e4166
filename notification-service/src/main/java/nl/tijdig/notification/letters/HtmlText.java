package nl.tijdig.notification.letters;

import java.util.regex.Pattern;

/** The plain text of a letter body's XHTML: paragraphs become blank-line separated, tags go, entities are read. */
final class HtmlText {

    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|h[1-6]|li|tr|ul|ol|table)>");
    private static final Pattern ITEM = Pattern.compile("(?i)<li[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r]*\\n[ \\t\\x0B\\f\\r]*");
    private static final Pattern RUNS = Pattern.compile("[ \\t]+");

    private HtmlText() {
    }

    static String of(String html) {
        String text = BREAK.matcher(html).replaceAll("\u0001");
        text = ITEM.matcher(text).replaceAll("- ");
        text = BLOCK_END.matcher(text).replaceAll("\u0002");
        text = TAG.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ");
        text = RUNS.matcher(text).replaceAll(" ");
        text = text.replace("\u0001", "\n").replace("\u0002", "\n\n");
        text = text.replace("&nbsp;", " ").replace("&#160;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
        return text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").replaceAll("\n{3,}", "\n\n").strip();
    }
}
