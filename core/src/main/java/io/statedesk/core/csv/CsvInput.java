package io.statedesk.core.csv;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The set-up the catalog's and the directory's CSV imports share, so that both read a file alike: a
 * file one import accepts, the other reads the same way (encoding, byte-order mark, quoting, blank
 * lines, spaces around fields). Each import keeps its own columns, limits and messages.
 */
public final class CsvInput {

  /**
   * RFC 4180 (quotes, commas and line breaks inside quoted fields), the first line naming the
   * columns, blank lines ignored, spaces around fields trimmed.
   */
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .build();

  private CsvInput() {}

  /**
   * The text of an uploaded file, without a leading byte-order mark (spreadsheets write one); empty
   * when the bytes are not UTF-8: decoded strictly, because a replacement character written into a
   * name would be stored as if the admin had typed it.
   */
  public static Optional<String> utf8(byte[] content) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
      return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /**
   * A parser over {@code text}, its header read.
   *
   * @throws IOException if the header cannot be read
   * @throws IllegalArgumentException if the header names a column twice, or is otherwise invalid
   */
  public static CSVParser parse(String text) throws IOException {
    return CSVParser.parse(new StringReader(text), FORMAT);
  }

  /**
   * The record's value in {@code column}, or {@code ""} when the file lacks it or the line ends
   * before it.
   */
  public static String get(CSVRecord record, String column) {
    return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
  }

  /**
   * A value quoted back in a message: control characters blanked (a message is one line), at most
   * {@code max} characters, an ellipsis when cut.
   */
  public static String abbreviate(String value, int max) {
    String t = value.replaceAll("\\p{Cntrl}", " ");
    return t.length() > max ? t.substring(0, max) + "…" : t;
  }
}
