package io.statedesk.core.gateway;

import io.statedesk.core.gateway.GatewayRecords.AgentStatus;
import io.statedesk.core.gateway.GatewayRecords.GatewayAgent;
import io.statedesk.core.gateway.GatewayRecords.GatewayEvent;
import io.statedesk.core.gateway.GatewayRecords.GatewayGroup;
import io.statedesk.core.gateway.GatewayRecords.GatewaySkill;
import io.statedesk.core.gateway.GatewayRecords.PollResult;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import io.statedesk.core.gateway.GatewayRecords.SignInResult;
import io.statedesk.core.gateway.GatewayUnavailableException.Kind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/**
 * The typed CC-Gateway client: one method per interface StateDesk uses, on {@code
 * jakarta.ws.rs.client} only (Jersey on Payara, RESTEasy on WildFly).
 *
 * <p>Built once and shared: the JAX-RS client keeps HTTP connections alive, so many calls reuse a
 * few TCP (and TLS) connections. Each call carries the agent's own Guid and session cookie from
 * {@link GatewayAuth}; nothing per agent is kept here. One {@code FINE} log line per call, with the
 * Guid masked.
 */
public class GatewayClient implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(GatewayClient.class.getName());

  private final GatewayConfig config;
  private final Client client;
  private final WebTarget base;
  private final Client pollClient;
  private final WebTarget pollBase;
  private final JdkPollTransport jdkPolls;

  /** Builds the JAX-RS client for {@code config}; fails if the truststore cannot be read. */
  public GatewayClient(GatewayConfig config) {
    this.config = config;
    if (!config.verifyHostname()) {
      LOG.warning(
          "Host name verification for the CC-Gateway is OFF (statedesk.gateway.tls.verify-hostname=false):"
              + " any certificate trusted by the truststore is accepted for any host. Use only for testing.");
    }
    this.client = jaxrs(config, config.operationTimeout());
    this.base = client.target(config.baseUrl());
    this.jdkPolls =
        config.pollTransport() == GatewayConfig.PollTransport.JDK && config.verifyHostname()
            ? new JdkPollTransport(config)
            : null;
    // JAX-RS has no per-request timeout: held polls over JAX-RS get a client of their own
    this.pollClient = jdkPolls == null ? jaxrs(config, config.pollTimeout()) : null;
    this.pollBase = pollClient == null ? null : pollClient.target(config.baseUrl());
  }

  private static Client jaxrs(GatewayConfig config, Duration readTimeout) {
    ClientBuilder builder =
        ClientBuilder.newBuilder()
            .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    if (config.truststore() != null) {
      builder.trustStore(loadTruststore(config));
    }
    if (!config.verifyHostname()) {
      builder.hostnameVerifier((host, session) -> true);
    }
    return builder.build();
  }

  static KeyStore loadTruststore(GatewayConfig config) {
    try (InputStream in = Files.newInputStream(config.truststore())) {
      KeyStore store = KeyStore.getInstance(config.truststoreType());
      store.load(in, config.truststorePassword());
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot read the gateway truststore "
              + config.truststore()
              + " as "
              + config.truststoreType()
              + ": "
              + e.getMessage()
              + " (check statedesk.gateway.tls.truststore, -type and -password)",
          e);
    }
  }

  public GatewayConfig config() {
    return config;
  }

  @Override
  public void close() {
    client.close();
    if (pollClient != null) {
      pollClient.close();
    }
    if (jdkPolls != null) {
      jdkPolls.close();
    }
  }

  // --------------------------------------------------------------------- session lifecycle

  /** Sign-in, platform sign-in or forced sign-in; returns the Guid and the LB cookie to replay. */
  public SignInResult signIn(int agentId, SignInRequest request, SignInMode mode) {
    checkAgent("login", agentId);
    String path =
        "onlineagent/"
            + agentId
            + switch (mode) {
              case LOGIN -> "";
              case LOGINEX -> "/loginex";
              case FORCE -> "/forcelogin";
            };
    String operation =
        switch (mode) {
          case LOGIN -> "login";
          case LOGINEX -> "loginEx";
          case FORCE -> "forceLogin";
        };
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("password", request.password() == null ? "" : request.password());
    if (request.phoneNumber() != null) {
      body.add("phonenum", request.phoneNumber());
    }
    body.add("status", Integer.toString(request.status()));
    if (request.autoAnswer() != null) {
      body.add("autoanswer", request.autoAnswer().toString());
    }
    Answer answer =
        call("PUT", path, null, json(body.build().toString()), operation, agentId, null);
    String guid = Guids.fromSetGuid(answer.header("Set-GUID"));
    if (guid == null) {
      throw new GatewayUnavailableException(
          operation, agentId, Kind.BAD_RESPONSE, 200, null, "no Set-GUID header", null);
    }
    String cookie = cookieHeader(answer.setCookies());
    JsonObject result = answer.result();
    Instant loginTime = Instant.now();
    if (result != null && result.get("loginTime") != null) {
      try {
        loginTime = Instant.ofEpochMilli(Long.parseLong(text(result, "loginTime")));
      } catch (NumberFormatException e) {
        // keep now: the field is informational
      }
    }
    String server = result == null ? null : text(result, "serverName");
    return new SignInResult(new GatewayAuth(agentId, guid, cookie), server, loginTime);
  }

  /** {@code logout} or {@code forcelogout}. */
  public void signOut(GatewayAuth auth, boolean force) {
    String operation = force ? "forceLogout" : "logout";
    call(
        "DELETE",
        "onlineagent/" + auth.agentId() + (force ? "/forcelogout" : "/logout"),
        null,
        null,
        operation,
        auth.agentId(),
        auth);
  }

  /**
   * The event long-poll, asynchronously: the gateway holds it up to ~10 s. A rotated Guid (AUTHMODE
   * 2) comes back in {@link PollResult#rotatedGuid()}.
   */
  public CompletionStage<PollResult> pollAsync(GatewayAuth auth) {
    int agentId = auth.agentId();
    if (jdkPolls != null) {
      return jdkPolls.poll(auth);
    }
    long start = System.nanoTime();
    CompletionStage<Response> pending;
    try {
      pending = request(pollBase, "agentevent/" + agentId, null, auth).rx().method("GET");
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(translate("getAgentEvent", agentId, e));
    }
    return pending.handle(
        (response, failure) -> {
          if (failure != null) {
            throw translate("getAgentEvent", agentId, failure);
          }
          Answer answer = read(response, "getAgentEvent", agentId, auth, start);
          return toPoll(answer, agentId);
        });
  }

  /**
   * {@code updateGuid} (gateway-api.md section 2.3), asynchronously: the gateway rotates the
   * session's Guid now and returns the new one in {@code result.guid}; the Guid sent stays valid
   * for the grace period like any rotated one.
   *
   * <p>Only for a session this console owns (a hosted one): it is how a hosted session whose poll
   * answer was lost (a read timeout, a broken connection) learns a Guid it can keep using, since
   * that answer may have carried the only {@code Set-GUID} of a rotation. Never for a relayed
   * session: it would rotate the Guid under the desktop that owns it (section 12, option B).
   */
  public CompletionStage<String> updateGuidAsync(GatewayAuth auth) {
    int agentId = auth.agentId();
    String operation = "updateGuid";
    try {
      checkAgent(operation, agentId);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    CompletionStage<Answer> answer;
    if (jdkPolls != null) {
      answer = jdkPolls.updateGuid(auth);
    } else {
      long start = System.nanoTime();
      CompletionStage<Response> pending;
      try {
        pending =
            request(base, "onlineagent/" + agentId + "/updateGuid", null, auth)
                .rx()
                .method("PUT", json(""));
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(translate(operation, agentId, e));
      }
      answer =
          pending.handle(
              (response, failure) -> {
                if (failure != null) {
                  throw translate(operation, agentId, failure);
                }
                return read(response, operation, agentId, auth, start);
              });
    }
    return answer.thenApply(
        a -> {
          String guid = a.result() == null ? null : text(a.result(), "guid");
          if (guid == null || guid.isBlank()) {
            throw new GatewayUnavailableException(
                operation, agentId, Kind.BAD_RESPONSE, 200, null, "no result.guid", null);
          }
          return guid.trim();
        });
  }

  /** The event poll, blocking. */
  public PollResult poll(GatewayAuth auth) {
    try {
      return pollAsync(auth).toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof GatewayException g) {
        throw g;
      }
      throw e;
    }
  }

  static PollResult toPoll(Answer answer, int agentId) {
    Optional<String> rotated = Optional.ofNullable(Guids.fromSetGuid(answer.header("Set-GUID")));
    JsonValue event = answer.body().get("event");
    if (event == null || event.getValueType() != JsonValue.ValueType.OBJECT) {
      return new PollResult(Optional.empty(), rotated);
    }
    JsonObject e = event.asJsonObject();
    Map<String, Object> content = new LinkedHashMap<>();
    JsonValue c = e.get("content");
    if (c != null && c.getValueType() == JsonValue.ValueType.OBJECT) {
      c.asJsonObject()
          .forEach(
              (k, v) -> content.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    }
    Optional<Instant> generated = Optional.empty();
    String gen = text(e, "eventGenTime");
    if (gen != null && gen.chars().allMatch(Character::isDigit) && !gen.isEmpty()) {
      generated = Optional.of(Instant.ofEpochMilli(Long.parseLong(gen)));
    }
    int workNo = parseIntOr(text(e, "workNo"), agentId);
    return new PollResult(
        Optional.of(new GatewayEvent(text(e, "eventType"), workNo, Map.copyOf(content), generated)),
        rotated);
  }

  // --------------------------------------------------------------------------- custom state

  /**
   * {@code setcustomstate}.
   *
   * @throws InvalidGatewayRequestException if {@code state} is outside 0..65534 (nothing is sent)
   */
  public void setCustomState(GatewayAuth auth, int state) {
    if (state < 0 || state > 65534) {
      throw new InvalidGatewayRequestException(
          "setCustomState", auth.agentId(), "customstate", "must be 0..65534, was " + state);
    }
    call(
        "POST",
        "onlineagent/" + auth.agentId() + "/setcustomstate",
        Map.of("customstate", Integer.toString(state)),
        json(""),
        "setCustomState",
        auth.agentId(),
        auth);
  }

  /** {@code querycustomstate}: the agent's custom state, or empty when none is set (65535). */
  public Optional<Integer> queryCustomState(GatewayAuth auth) {
    Answer answer =
        call(
            "GET",
            "onlineagent/" + auth.agentId() + "/querycustomstate",
            null,
            null,
            "queryCustomState",
            auth.agentId(),
            auth);
    String value = answer.result() == null ? null : text(answer.result(), "agentcustomstate");
    Integer state = value == null ? null : parseIntOr(value.trim(), null);
    if (state == null) {
      throw new GatewayUnavailableException(
          "queryCustomState",
          auth.agentId(),
          Kind.BAD_RESPONSE,
          200,
          null,
          "agentcustomstate missing or not a number",
          null);
    }
    return state == 65535 ? Optional.empty() : Optional.of(state);
  }

  /** {@code cancelsetcustomstate}. */
  public void cancelCustomState(GatewayAuth auth) {
    call(
        "POST",
        "onlineagent/" + auth.agentId() + "/cancelsetcustomstate",
        null,
        json(""),
        "cancelSetCustomState",
        auth.agentId(),
        auth);
  }

  /** {@code agentstatus}: the agent's own state. */
  public AgentStatus agentStatus(GatewayAuth auth) {
    Answer answer =
        call(
            "GET",
            "onlineagent/" + auth.agentId() + "/agentstatus",
            null,
            null,
            "getAgentStatus",
            auth.agentId(),
            auth);
    JsonObject r = requireResult(answer, "getAgentStatus", auth.agentId());
    return new AgentStatus(
        GatewayState.of(intOf(r, "agentState", 0)), r.getBoolean("isWorking", false));
  }

  // ------------------------------------------------------------------------ agentgroup (8.2)

  /** {@code agentgroup/{caller}/grouponvdn}. */
  public List<GatewayGroup> groups(GatewayAuth caller) {
    return list(
        call(
            "GET",
            "agentgroup/" + caller.agentId() + "/grouponvdn",
            null,
            null,
            "groupOnVdn",
            caller.agentId(),
            caller),
        o -> new GatewayGroup(intOf(o, "groupid", 0), text(o, "groupname")));
  }

  /** {@code agentgroup/{caller}/agentongroupex?groupid=}. */
  public List<GatewayAgent> agentsOfGroup(GatewayAuth caller, int groupId) {
    return list(
        call(
            "GET",
            "agentgroup/" + caller.agentId() + "/agentongroupex",
            Map.of("groupid", Integer.toString(groupId)),
            null,
            "agentOnGroupEx",
            caller.agentId(),
            caller),
        GatewayClient::agent);
  }

  /** {@code agentgroup/{caller}/agentbyworkno/{workNo}}. */
  public GatewayAgent agent(GatewayAuth caller, int workNo) {
    checkAgent("queryAgentInfoByWorkNo", workNo);
    Answer answer =
        call(
            "GET",
            "agentgroup/" + caller.agentId() + "/agentbyworkno/" + workNo,
            null,
            null,
            "queryAgentInfoByWorkNo",
            caller.agentId(),
            caller);
    return agent(requireResult(answer, "queryAgentInfoByWorkNo", caller.agentId()));
  }

  /** {@code onlineagent/{caller}/agentskillsbyworkno/{workNo}}. */
  public List<GatewaySkill> skillsOf(GatewayAuth caller, int workNo) {
    checkAgent("agentSkillsByWorkNo", workNo);
    return list(
        call(
            "GET",
            "onlineagent/" + caller.agentId() + "/agentskillsbyworkno/" + workNo,
            null,
            null,
            "agentSkillsByWorkNo",
            caller.agentId(),
            caller),
        o -> new GatewaySkill(intOf(o, "id", 0), text(o, "name"), intOf(o, "mediatype", 0)));
  }

  private static GatewayAgent agent(JsonObject o) {
    return new GatewayAgent(
        parseIntOr(text(o, "workno"), 0),
        text(o, "name"),
        GatewayState.of(intOf(o, "status", 0)),
        intOf(o, "groupid", 0),
        text(o, "phonenumber"),
        intOf(o, "currentstatetime", 0));
  }

  // ------------------------------------------------------------------------------ plumbing

  /**
   * An HTTP 200 answer whose retcode was {@code "0"}.
   *
   * @param headers the first value of each header, names in lower case
   * @param setCookies every {@code Set-Cookie} value (a load balancer and the gateway may each set
   *     one)
   */
  record Answer(JsonObject body, Map<String, String> headers, List<String> setCookies) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    JsonObject result() {
      JsonValue r = body.get("result");
      return r != null && r.getValueType() == JsonValue.ValueType.OBJECT ? r.asJsonObject() : null;
    }
  }

  /** A body with the content type the gateway documents, charset included. */
  private static Entity<String> json(String body) {
    return Entity.entity(body, JSON_UTF8);
  }

  private static final MediaType JSON_UTF8 =
      MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name());

  private Invocation.Builder request(
      WebTarget root, String path, Map<String, String> query, GatewayAuth auth) {
    WebTarget target = root.path(path);
    if (query != null) {
      for (Map.Entry<String, String> q : query.entrySet()) {
        target = target.queryParam(q.getKey(), q.getValue());
      }
    }
    Invocation.Builder request =
        target
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header("Content-Type", "application/json; charset=UTF-8");
    if (auth != null) {
      request.header("guid", auth.guid());
      if (auth.cookie() != null) {
        request.header("Cookie", auth.cookie());
      }
    }
    return request;
  }

  private Answer call(
      String method,
      String path,
      Map<String, String> query,
      Entity<?> entity,
      String operation,
      int agentId,
      GatewayAuth auth) {
    checkAgent(operation, agentId);
    long start = System.nanoTime();
    Response response;
    try {
      Invocation.Builder request = request(base, path, query, auth);
      response = entity == null ? request.method(method) : request.method(method, entity);
    } catch (RuntimeException e) {
      GatewayException failure = translate(operation, agentId, e);
      log(operation, auth, agentId, failure.getMessage(), start);
      throw failure;
    }
    return read(response, operation, agentId, auth, start);
  }

  private Answer read(
      Response response, String operation, int agentId, GatewayAuth auth, long start) {
    try (response) {
      int status = response.getStatus();
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      Map<String, List<String>> headers = new LinkedHashMap<>();
      response
          .getStringHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      return interpret(status, text, headers, operation, agentId, auth, start);
    } catch (ProcessingException e) {
      throw translate(operation, agentId, e);
    }
  }

  /**
   * Turns one HTTP answer into an {@link Answer} or the typed failure: any status but 200, a body
   * that is not the JSON envelope, or a retcode other than "0".
   *
   * @param allHeaders response headers, names in lower case, every value
   */
  static Answer interpret(
      int status,
      String text,
      Map<String, List<String>> allHeaders,
      String operation,
      int agentId,
      GatewayAuth auth,
      long start) {
    Map<String, String> headers = new LinkedHashMap<>();
    allHeaders.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            headers.put(k, v.get(0));
          }
        });
    if (status != 200) {
      log(operation, auth, agentId, "HTTP " + status, start);
      throw new GatewayUnavailableException(
          operation,
          agentId,
          Kind.HTTP_STATUS,
          status,
          retryAfter(headers.get("retry-after")),
          null,
          null);
    }
    JsonObject body;
    try (var reader = Json.createReader(new StringReader(text))) {
      body = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      log(operation, auth, agentId, "not JSON", start);
      throw new GatewayUnavailableException(
          operation,
          agentId,
          Kind.BAD_RESPONSE,
          status,
          null,
          "body starts with '" + abbreviate(text) + "'",
          null);
    }
    JsonValue retcode = body.get("retcode");
    if (!(retcode instanceof JsonString code)) {
      log(operation, auth, agentId, "no retcode", start);
      throw new GatewayUnavailableException(
          operation, agentId, Kind.BAD_RESPONSE, status, null, "no retcode field", null);
    }
    log(operation, auth, agentId, code.getString(), start);
    if (!"0".equals(code.getString())) {
      throw new GatewayRejectedException(operation, agentId, Retcodes.of(code.getString()));
    }
    return new Answer(body, headers, allHeaders.getOrDefault("set-cookie", List.of()));
  }

  /** Maps transport failures to {@link GatewayUnavailableException} kinds. */
  static GatewayException translate(String operation, int agentId, Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof GatewayException g) {
      return g;
    }
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SocketTimeoutException
          || c instanceof HttpTimeoutException
          || c instanceof TimeoutException) {
        return new GatewayUnavailableException(operation, agentId, Kind.TIMEOUT, 0, null, null, t);
      }
      if (c instanceof SSLException || c instanceof CertificateException) {
        return new GatewayUnavailableException(
            operation, agentId, Kind.TLS, 0, null, c.getClass().getSimpleName(), t);
      }
      if (c instanceof ConnectException
          || c instanceof UnknownHostException
          || c instanceof NoRouteToHostException) {
        return new GatewayUnavailableException(
            operation, agentId, Kind.CONNECT, 0, null, c.getClass().getSimpleName(), t);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return new GatewayUnavailableException(
        operation, agentId, Kind.CONNECT, 0, null, t.getClass().getSimpleName(), t);
  }

  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 3600));
    } catch (NumberFormatException e) {
      try {
        Instant at =
            ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }

  /**
   * The {@code Cookie} header that replays every {@code Set-Cookie} of a sign-in ({@code a=1;
   * b=2}), or {@code null} when there was none: a load balancer's affinity cookie and the gateway's
   * own may both be set, and dropping either can route later calls to a node that does not know the
   * Guid.
   */
  static String cookieHeader(List<String> setCookies) {
    List<String> pairs = new ArrayList<>();
    for (String setCookie : setCookies) {
      String pair = cookiePair(setCookie);
      if (pair != null) {
        pairs.add(pair);
      }
    }
    return pairs.isEmpty() ? null : String.join("; ", pairs);
  }

  /** The {@code name=value} pair of one {@code Set-Cookie} header. */
  static String cookiePair(String setCookie) {
    if (setCookie == null || setCookie.isBlank()) {
      return null;
    }
    String pair = setCookie.split(";", 2)[0].trim();
    return pair.contains("=") ? pair : null;
  }

  private static void checkAgent(String operation, int agentId) {
    if (agentId < 101 || agentId > 999_999) {
      throw new InvalidGatewayRequestException(
          operation, agentId, "agent id", "must be 101..999999, was " + agentId);
    }
  }

  private static JsonObject requireResult(Answer answer, String operation, int agentId) {
    JsonObject result = answer.result();
    if (result == null) {
      throw new GatewayUnavailableException(
          operation, agentId, Kind.BAD_RESPONSE, 200, null, "no result object", null);
    }
    return result;
  }

  private static <T> List<T> list(Answer answer, Function<JsonObject, T> mapper) {
    JsonValue result = answer.body().get("result");
    List<T> items = new ArrayList<>();
    if (result != null && result.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue v : result.asJsonArray()) {
        if (v.getValueType() == JsonValue.ValueType.OBJECT) {
          items.add(mapper.apply(v.asJsonObject()));
        }
      }
    }
    return items;
  }

  private static String text(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  private static int intOf(JsonObject o, String field, int fallback) {
    JsonValue v = o.get(field);
    if (v instanceof JsonNumber n) {
      return n.intValue();
    }
    if (v instanceof JsonString s) {
      return parseIntOr(s.getString().trim(), fallback);
    }
    return fallback;
  }

  private static Integer parseIntOr(String text, Integer fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static String abbreviate(String text) {
    String t = text.replaceAll("[\\r\\n\\t]", " ");
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  /** One debug line and one metric per gateway call; the Guid only masked. */
  private static void log(
      String operation, GatewayAuth auth, int agentId, String outcome, long start) {
    GatewayCallMetrics.record(operation, outcome, System.nanoTime() - start);
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(
          "gateway "
              + operation
              + " agent "
              + agentId
              + " guid "
              + (auth == null ? "-" : Guids.mask(auth.guid()))
              + " -> "
              + outcome
              + " in "
              + (System.nanoTime() - start) / 1_000_000
              + " ms");
    }
  }
}
