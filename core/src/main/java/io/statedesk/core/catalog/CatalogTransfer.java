package io.statedesk.core.catalog;

import io.statedesk.core.csv.CsvInput;
import io.statedesk.core.problem.Text;
import java.util.List;
import java.util.Optional;

/**
 * The catalog's file formats: CSV (Apache Commons CSV, not a hand-written parser) and JSON (Jakarta
 * JSON Processing), both UTF-8 with every field including the locale labels.
 *
 * <p>This class holds what both formats share (the columns, the limits, decoding the bytes); each
 * format is read and written by its own class, {@link CatalogCsv} and {@link CatalogJson}.
 *
 * <p>Parsing never throws on bad content: it returns rows, each with its line (CSV) or position
 * (JSON) and the reason it cannot be used, so the admin sees one report for the whole file.
 */
public final class CatalogTransfer {

  /** CSV columns, in order. {@code teams} are separated by {@code |}; empty means all teams. */
  public static final List<String> COLUMNS =
      List.of(
          "code",
          "label",
          "label_en",
          "label_zh_CN",
          "description",
          "colour",
          "category",
          "sort_order",
          "active",
          "teams");

  /** Files above this size are refused before parsing. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  /** At most this many rows per file. */
  public static final int MAX_ROWS = 70_000;

  private CatalogTransfer() {}

  /** A file format. */
  public enum Format {
    CSV,
    JSON;

    /** {@code csv} or {@code json}, any case. */
    public static Format of(String name) {
      if (name != null) {
        for (Format f : values()) {
          if (f.name().equalsIgnoreCase(name.trim())) {
            return f;
          }
        }
      }
      throw new InvalidStateCodeException(
          List.of(new FieldError("format", Text.of("catalog.file.format", name))));
    }
  }

  /**
   * One row of an import file.
   *
   * @param line the CSV line, or the position in the JSON array (from 1)
   * @param data what the row asks for, or {@code null} when it could not be read
   * @param errors why the row cannot be used (empty when it can)
   */
  public record Row(int line, StateCodeData data, List<FieldError> errors) {}

  /** The rows of a file, or the reason the file as a whole cannot be read. */
  public record Parsed(List<Row> rows, Text fileError) {
    static Parsed failed(Text why) {
      return new Parsed(List.of(), why);
    }
  }

  // ----------------------------------------------------------------------------------- export

  public static String toCsv(List<StateCodeData> codes) {
    return CatalogCsv.write(codes);
  }

  public static String toJson(List<StateCodeData> codes) {
    return CatalogJson.write(codes);
  }

  // ----------------------------------------------------------------------------------- import

  /** Reads a file; every problem ends up in the result, nothing is thrown for bad content. */
  public static Parsed parse(byte[] content, Format format) {
    if (content == null || content.length == 0) {
      return Parsed.failed(Text.of("catalog.file.empty"));
    }
    if (content.length > MAX_BYTES) {
      return Parsed.failed(
          Text.of("catalog.file.tooLarge", content.length / 1024, MAX_BYTES / 1024));
    }
    Optional<String> decoded = CsvInput.utf8(content);
    if (decoded.isEmpty()) {
      return Parsed.failed(Text.of("catalog.file.notUtf8"));
    }
    String text = decoded.get();
    if (text.isBlank()) {
      return Parsed.failed(Text.of("catalog.file.empty"));
    }
    return format == Format.CSV ? CatalogCsv.read(text) : CatalogJson.read(text);
  }

  /** A value quoted in a message: control characters blanked, at most 30 characters. */
  static String abbreviate(String s) {
    return CsvInput.abbreviate(s, 30);
  }

  static String oneLine(String s) {
    return s == null ? "" : abbreviate(s.replaceAll("\\s+", " "));
  }
}
