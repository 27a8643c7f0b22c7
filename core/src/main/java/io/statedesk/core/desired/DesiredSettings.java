package io.statedesk.core.desired;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code statedesk.desired.*} settings, checked at start-up with the bulk settings. */
@ApplicationScoped
public class DesiredSettings {

  /** Whether a state changed outside StateDesk is set back (true) or only reported (false). */
  @Inject
  @ConfigProperty(name = "statedesk.desired.overwrite-drift", defaultValue = "false")
  boolean overwriteDrift;

  /** Seconds between two rounds of the background read-back (0 = no background read-back). */
  @Inject
  @ConfigProperty(name = "statedesk.desired.check-period-seconds", defaultValue = "60")
  int checkPeriodSeconds;

  /** Background read-backs per second, at most: the cycle's cost at the gateway. */
  @Inject
  @ConfigProperty(name = "statedesk.desired.check-rate", defaultValue = "2")
  double checkRate;

  /** Seconds between two looks at the schedule for changes due to start or revert. */
  @Inject
  @ConfigProperty(name = "statedesk.schedule.tick-seconds", defaultValue = "5")
  int scheduleTickSeconds;

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (checkPeriodSeconds < 0 || checkPeriodSeconds > 86_400) {
      problems.add(
          "statedesk.desired.check-period-seconds must be 0..86400, was " + checkPeriodSeconds);
    }
    if (!(checkRate > 0 && checkRate <= 10_000)) {
      problems.add(
          "statedesk.desired.check-rate must be above 0 and at most 10000, was " + checkRate);
    }
    if (scheduleTickSeconds < 1 || scheduleTickSeconds > 300) {
      problems.add("statedesk.schedule.tick-seconds must be 1..300, was " + scheduleTickSeconds);
    }
    return problems;
  }

  public boolean overwriteDrift() {
    return overwriteDrift;
  }

  /** The background round's period, or zero when it is off. */
  public Duration checkPeriod() {
    return Duration.ofSeconds(checkPeriodSeconds);
  }

  public double checkRate() {
    return checkRate;
  }

  /** Read-backs one round may make: rate times period, at least one. */
  public int checksPerRound() {
    return (int) Math.max(1, Math.min(1_000_000, Math.round(checkRate * checkPeriodSeconds)));
  }

  public Duration scheduleTick() {
    return Duration.ofSeconds(scheduleTickSeconds);
  }
}
