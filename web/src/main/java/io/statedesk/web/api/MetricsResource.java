package io.statedesk.web.api;

import io.statedesk.core.system.ConsoleMetrics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code GET /api/metrics}: Prometheus text format, for admins (a scraper signs in with an admin
 * account's Basic credentials). What each metric means: {@link ConsoleMetrics}.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {

  @Inject ConsoleMetrics metrics;

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String scrape() {
    return metrics.scrape();
  }
}
