package io.statedesk.web.api;

import io.statedesk.core.bulk.BulkEngine;
import io.statedesk.core.cluster.ClusterStatus;
import io.statedesk.core.cluster.MemberStatus;
import io.statedesk.core.session.HostedSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code GET /api/system} (admins): the cluster as this console sees it in the database, every live
 * console with its gateway breaker and its shards, and this console's share of the cluster's
 * gateway rates. Any console answers for all of them, so one request behind the load balancer shows
 * a breaker opened on another console.
 */
@Path("system")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

  @Inject ClusterStatus cluster;
  @Inject BulkEngine engine;
  @Inject HostedSessions hosted;

  @GET
  public SystemJson.Status status() {
    List<MemberStatus> members = cluster.members(); // admins only
    return new SystemJson.Status(
        cluster.enabled(),
        engine.gatewayBreaker(),
        engine.callRate(),
        hosted.signInRate(),
        members.stream().map(SystemJson.Member::of).toList());
  }
}
