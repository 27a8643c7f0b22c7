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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
  public Map<String, Object> status() {
    List<MemberStatus> members = cluster.members(); // admins only
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("clustered", cluster.enabled());
    answer.put("breaker", engine.gatewayBreaker());
    answer.put("callRatePerSecond", engine.callRate());
    answer.put("signInRatePerSecond", hosted.signInRate());
    answer.put("members", members.stream().map(SystemResource::describe).toList());
    return answer;
  }

  private static Map<String, Object> describe(MemberStatus m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("instance", m.instance());
    out.put("console", m.consoleId());
    out.put("self", m.self());
    out.put("startedAt", m.startedAt().toString());
    out.put("heartbeatUntil", m.beatUntil().toString());
    out.put("breaker", m.breaker() == null ? "UNKNOWN" : m.breaker());
    out.put("shards", m.shards());
    return out;
  }
}
