package io.statedesk.web.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the API answers when a member of a request body has the wrong JSON type, where the sentence
 * {@link BodyShape} derives from the component's Java type ("must be an integer", "must be true or
 * false", "must be a string", "must be an object", "must be an array of strings", "must hold
 * strings") is not what the API has always said for that member.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface WrongType {

  /**
   * The sentence after the field's name when the member's type is wrong, e.g. {@code "must be an
   * array of agent ids"}; empty: the type's own.
   */
  String value() default "";

  /**
   * The sentence after the field's name when an element of an array has the wrong type; {@code %s}
   * stands for the element as JSON, e.g. {@code "must hold integer agent ids, found %s"}; empty:
   * the type's own.
   */
  String element() default "";

  /**
   * The name the sentence and the error's {@code field} give, where it is not the member's path
   * ({@code filter.skill}): the filter's single values have always been named alone ({@code "skill
   * must be a string"}).
   */
  String field() default "";

  /**
   * Whether JSON {@code null} is a wrong type too, rather than the member left out: {@code "clear":
   * null} has always been refused ("clear must be true or false").
   */
  boolean nullIsWrong() default false;
}
