package io.statedesk.core.system;

import io.statedesk.core.bulk.BulkEngine;
import io.statedesk.core.gateway.GatewaySettings;
import io.statedesk.core.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile readiness: the console is ready when its database answers and the CC-Gateway accepts
 * a TCP connection. A load balancer takes an instance out of rotation while either is down; the
 * bulk engine's circuit breaker is reported alongside, for operators.
 *
 * <p>The gateway is only connected to, never called: a call needs an agent's Guid.
 */
@Readiness
@ApplicationScoped
public class ConsoleReadiness implements HealthCheck {

  @Inject Database database;
  @Inject GatewaySettings gateway;
  @Inject BulkEngine bulk;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder answer = HealthCheckResponse.named("statedesk");
    boolean db = databaseAnswers();
    boolean gw = gatewayReachable();
    return answer
        .status(db && gw)
        .withData("database", db ? "UP" : "DOWN")
        .withData("gateway", gw ? "UP" : "DOWN")
        .withData("bulkBreaker", bulk.gatewayBreaker())
        .build();
  }

  boolean databaseAnswers() {
    try (Connection c = database.dataSource().getConnection()) {
      return c.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  boolean gatewayReachable() {
    try {
      URI uri = URI.create(gateway.url());
      int port =
          uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(uri.getHost(), port), 2000);
        return true;
      }
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
