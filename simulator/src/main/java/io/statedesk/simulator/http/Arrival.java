package io.statedesk.simulator.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import java.io.IOException;

/**
 * Stamps each gateway call with the moment it reached the simulator, before JAX-RS routes it, so
 * that an injected latency counts from there ({@link Responder}): a gateway set to answer in 50 ms
 * answers 50 ms after the request arrived, not 50 ms after the simulator's own request processing
 * (about 1 ms on two busy cores), which the benchmark's ratio would otherwise charge to the console
 * (benchmarks.md, "Bulk changes").
 */
@WebFilter(urlPatterns = "/resource/*", asyncSupported = true)
public class Arrival implements Filter {

  /** The request attribute: {@link System#nanoTime()} when the call arrived, a {@code Long}. */
  static final String ATTRIBUTE = "io.statedesk.simulator.arrived";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    request.setAttribute(ATTRIBUTE, System.nanoTime());
    chain.doFilter(request, response);
  }

  /** When the call arrived, or now if it did not pass this filter. */
  static long of(ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof Long arrived ? arrived : System.nanoTime();
  }
}
