package org.segmentlab.data;

/**
 * How to read a CSV file. Null fields mean "sniff it".
 *
 * @param delimiter       force this delimiter, or null to sniff
 * @param decimalComma    force the decimal separator, or null to sniff
 * @param header          force header / no header, or null to detect
 * @param encoding        force a charset name, or null to detect (UTF-8, else windows-1252)
 * @param skipRaggedRows  false: refuse a file whose rows have the wrong number of fields, naming the
 *                        first bad line; true: load, skipping and counting such rows
 * @param maxLineChars    a physical record longer than this is refused as "not a table"
 */
public record LoadOptions(Character delimiter, Boolean decimalComma, Boolean header, String encoding,
                          boolean skipRaggedRows, int maxLineChars) {

    public static final int DEFAULT_MAX_LINE_CHARS = 1_000_000;

    public static LoadOptions defaults() {
        return new LoadOptions(null, null, null, null, false, DEFAULT_MAX_LINE_CHARS);
    }

    public LoadOptions withSkipRaggedRows(boolean skip) {
        return new LoadOptions(delimiter, decimalComma, header, encoding, skip, maxLineChars);
    }
}
