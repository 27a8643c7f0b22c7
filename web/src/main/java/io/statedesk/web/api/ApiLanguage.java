package io.statedesk.web.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * The language the API answers messages in: the first language of the request's {@code
 * Accept-Language} (by its q values) that the console speaks, English or Simplified Chinese; else
 * English. The same two languages as the pages, so a script and a person read the same refusals.
 */
final class ApiLanguage {

  private ApiLanguage() {}

  static Locale of(HttpHeaders headers) {
    if (headers != null) {
      for (Locale l : headers.getAcceptableLanguages()) {
        if ("zh".equals(l.getLanguage())) {
          return Locale.SIMPLIFIED_CHINESE;
        }
        if ("en".equals(l.getLanguage())) {
          return Locale.ENGLISH;
        }
      }
    }
    return Locale.ENGLISH;
  }
}
