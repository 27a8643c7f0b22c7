package io.statedesk.simulator.gateway;

import java.util.Locale;

/**
 * The gateway's content-type rule (section 1.2): every call carries {@code Content-Type:
 * application/json}, with or without a charset; UTF-8 is assumed and the only charset accepted.
 * Anything else is refused with {@code 000-002}, HTTP 200, like any invalid parameter.
 */
public final class ContentTypes {

  private ContentTypes() {}

  /** Whether a {@code Content-Type} header value is acceptable; {@code null} (absent) is not. */
  public static boolean acceptable(String header) {
    if (header == null) {
      return false;
    }
    String[] parts = header.split(";");
    if (!parts[0].trim().equalsIgnoreCase("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].split("=", 2);
      if (parameter[0].trim().equalsIgnoreCase("charset")) {
        String charset =
            parameter.length < 2
                ? ""
                : parameter[1].trim().replace("\"", "").toUpperCase(Locale.ROOT);
        if (!charset.equals("UTF-8") && !charset.equals("UTF8")) {
          return false;
        }
      }
    }
    return true;
  }
}
