package io.statedesk.web.api;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Binds a request body to its record: JSON-P reads it ({@link Json#object}: a body that is not a
 * JSON object is refused with its reason), {@link BodyShape} checks each member's JSON type, JSON-B
 * binds, and Bean Validation checks the record's rules; any refusal is a 400 naming the field
 * ({@link InvalidRequestException}).
 *
 * <p>Why the resources bind bodies here rather than take the record as their parameter: Yasson (the
 * JSON-B of both servers) converts leniently ({@code "yes"} to {@code false}, {@code 1.5} to {@code
 * 1}, see {@link BodyShape}), and where it does fail, Jersey (Payara) and RESTEasy (WildFly) wrap
 * its {@code JsonbException} differently, with Yasson's sentence and without the field; a
 * constraint violation of a parameter would likewise reach each server's own mapper. Binding here
 * gives the same 400 on both. The resources keep the parsed {@link JsonObject} where they need more
 * than the record: the body as sent (an {@code Idempotency-Key} is bound to it) or whether a member
 * was left out rather than null.
 */
@ApplicationScoped
class JsonBodies {

  private static final Logger LOG = Logger.getLogger(JsonBodies.class.getName());

  @Inject Validator validator;

  /** Created once: a Jsonb caches what it learnt of each type. */
  private Jsonb jsonb;

  @PostConstruct
  void open() {
    jsonb = JsonbBuilder.create();
  }

  @PreDestroy
  void close() {
    try {
      jsonb.close();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Closing the API's Jsonb failed", e);
    }
  }

  /**
   * The body's {@code type}, or a 400 naming the first broken rule ({@code groups}: the Bean
   * Validation groups to check; none: the default one).
   */
  <T extends Record> T read(JsonObject json, Class<T> type, Class<?>... groups) {
    return bind(json, type, jsonb, validator, groups);
  }

  /** {@link #read} with the given JSON-B and validator (the unit tests' own). */
  static <T extends Record> T bind(
      JsonObject json, Class<T> type, Jsonb jsonb, Validator validator, Class<?>... groups) {
    BodyShape.check(json, type);
    T body;
    try {
      body = jsonb.fromJson(json.toString(), type);
    } catch (JsonbException e) {
      // cannot happen for a body BodyShape let through; if it does, a 400 and the cause in the log
      LOG.log(Level.WARNING, "A body that passed its shape check did not bind to " + type, e);
      throw Json.bad("The body does not fit " + type.getSimpleName(), null);
    }
    List<InvalidRequestException.Rule> broken =
        validator.validate(body, groups).stream()
            .sorted(inComponentOrder(type))
            .map(JsonBodies::rule)
            .toList();
    if (!broken.isEmpty()) {
      throw new InvalidRequestException(broken);
    }
    return body;
  }

  private static InvalidRequestException.Rule rule(ConstraintViolation<?> v) {
    String field = v.getPropertyPath().toString();
    return new InvalidRequestException.Rule(field, field + " " + v.getMessage());
  }

  /** Violations in the order of the record's components (a Set has none), then by path. */
  private static Comparator<ConstraintViolation<?>> inComponentOrder(Class<?> type) {
    List<String> names =
        Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    return Comparator.<ConstraintViolation<?>>comparingInt(
            v -> names.indexOf(first(v.getPropertyPath())))
        .thenComparing(v -> v.getPropertyPath().toString())
        .thenComparing(ConstraintViolation::getMessage);
  }

  private static String first(Path path) {
    for (Path.Node node : path) {
      return node.getName();
    }
    return "";
  }
}
