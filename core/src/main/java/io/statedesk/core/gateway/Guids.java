package io.statedesk.core.gateway;

import java.util.regex.Pattern;

/** Guid helpers: masking for logs and messages, and a plausibility check for relayed Guids. */
public final class Guids {

  /**
   * What a gateway Guid looks like: a UUID-like token, optionally followed by a node suffix such as
   * {@code .AgentGateway1} (gateway-api.md section 1.2). Loose enough for real gateways, strict
   * enough to refuse garbage and injection attempts.
   */
  private static final Pattern SHAPE =
      Pattern.compile("[0-9A-Za-z-]{16,64}(\\.[0-9A-Za-z_-]{1,40})?");

  private Guids() {}

  /** The first four characters and an ellipsis, e.g. {@code 279f…}; "-" for none. */
  public static String mask(String guid) {
    if (guid == null || guid.isEmpty()) {
      return "-";
    }
    return guid.length() <= 4 ? "****" : guid.substring(0, 4) + "…";
  }

  public static boolean isWellFormed(String guid) {
    return guid != null && SHAPE.matcher(guid).matches();
  }

  /** The Guid in a {@code Set-GUID} header value ({@code JSESSIONID=<guid>}), or {@code null}. */
  public static String fromSetGuid(String headerValue) {
    if (headerValue == null) {
      return null;
    }
    String value = headerValue.trim();
    int semicolon = value.indexOf(';');
    if (semicolon >= 0) {
      value = value.substring(0, semicolon).trim();
    }
    if (value.regionMatches(true, 0, "JSESSIONID=", 0, 11)) {
      value = value.substring(11);
    }
    return value.isEmpty() ? null : value;
  }
}
