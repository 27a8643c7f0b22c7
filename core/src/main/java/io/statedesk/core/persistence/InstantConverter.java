package io.statedesk.core.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores {@link Instant} as {@code timestamp with time zone} in UTC.
 *
 * <p>Jakarta Persistence 3.1 (EE 10) does not list {@code Instant} among the basic types:
 * EclipseLink (Payara) serialises it into a binary blob, which the column refuses, while Hibernate
 * (WildFly) maps it natively. Converting to {@link OffsetDateTime} behaves the same on both.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

  @Override
  public OffsetDateTime convertToDatabaseColumn(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public Instant convertToEntityAttribute(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }
}
