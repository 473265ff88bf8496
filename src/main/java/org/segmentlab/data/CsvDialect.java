package org.segmentlab.data;

/**
 * How a CSV file is written, as sniffed (or forced by the user).
 *
 * @param delimiter    field separator: ',', ';', '\t' or '|'
 * @param decimalComma true when numbers use a comma as decimal separator ("3,14")
 * @param encoding     charset name: "UTF-8" or "windows-1252"
 * @param bom          true when the file starts with a UTF-8 byte-order mark
 * @param header       true when the first record names the columns
 * @param lineEnding   "CRLF", "LF" or "CR"
 */
public record CsvDialect(char delimiter, boolean decimalComma, String encoding, boolean bom, boolean header,
                         String lineEnding) {

    /** The delimiter as a printable string ("\t" for tab). */
    public String delimiterName() {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }

    /** The decimal separator as a string: "," or ".". */
    public String decimalName() {
        return decimalComma ? "," : ".";
    }
}
