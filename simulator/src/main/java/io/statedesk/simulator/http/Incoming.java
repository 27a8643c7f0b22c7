package io.statedesk.simulator.http;

import io.statedesk.simulator.gateway.Guids;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the simulator needs of one received call, read on the request thread: the answer may be
 * written later from a scheduler thread, when the servlet request must no longer be touched.
 *
 * @param method HTTP method
 * @param maskedGuid the {@code guid} header, masked for the record
 * @param query the query string, or {@code null}
 * @param connection the client's address and port (one TCP connection)
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param arrivedNanos {@link System#nanoTime()} when the call reached the simulator ({@link
 *     Arrival}): injected delays count from there
 */
public record Incoming(
    String method,
    String maskedGuid,
    String query,
    String connection,
    String contentType,
    long arrivedNanos) {

  public static Incoming of(HttpServletRequest request) {
    return new Incoming(
        request.getMethod(),
        Guids.mask(request.getHeader("guid")),
        request.getQueryString(),
        request.getRemoteAddr() + ":" + request.getRemotePort(),
        request.getContentType(),
        Arrival.of(request));
  }
}
