package io.statedesk.web.api;

import io.statedesk.web.i18n.Languages;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * The language the API answers messages in: the first language of the request's {@code
 * Accept-Language} (by its q values) that the console speaks, by the pages' rule ({@link
 * Languages}).
 */
final class ApiLanguage {

  private ApiLanguage() {}

  static Locale of(HttpHeaders headers) {
    return Languages.firstSpoken(headers == null ? null : headers.getAcceptableLanguages());
  }
}
