package io.statedesk.core.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's seeded catalog (a dozen codes in four categories, English and Chinese labels), created
 * only in the demo configuration and only into an empty catalog.
 */
@ApplicationScoped
public class DemoCatalog {

  @Inject
  @ConfigProperty(name = "statedesk.demo.enabled", defaultValue = "false")
  boolean demoEnabled;

  @Inject StateCatalog catalog;

  static final List<StateCodeData> CODES =
      List.of(
          code(
              100, "Training", "培训", "Classroom or e-learning training", "#1f6feb", "Training", 10),
          code(
              101,
              "Coaching",
              "辅导",
              "One-to-one coaching with a team lead",
              "#388bfd",
              "Training",
              20),
          code(
              102,
              "Nesting",
              "跟岗实习",
              "New hire on supervised live calls",
              "#79c0ff",
              "Training",
              30),
          code(
              110,
              "Team meeting",
              "团队会议",
              "Scheduled team meeting or huddle",
              "#8250df",
              "Meetings",
              40),
          code(111, "Briefing", "班前会", "Shift briefing", "#a371f7", "Meetings", 50),
          code(
              120,
              "Back office",
              "后台处理",
              "Email, tickets and follow-ups",
              "#1a7f37",
              "Back office",
              60),
          code(
              121,
              "Callbacks",
              "回访",
              "Outbound callbacks to customers",
              "#2da44e",
              "Back office",
              70),
          code(
              122,
              "Quality review",
              "质检复核",
              "Reviewing recorded calls",
              "#4ac26b",
              "Back office",
              80),
          code(
              130,
              "System issue",
              "系统故障",
              "Desktop or phone not working",
              "#cf222e",
              "Technical",
              90),
          code(
              131,
              "IT support",
              "IT 支持",
              "Waiting for or working with IT",
              "#fa4549",
              "Technical",
              100),
          code(140, "Project work", "项目工作", "Assigned to a project", "#bf8700", "Back office", 110),
          code(
              141,
              "Wellbeing break",
              "身心休息",
              "Short break after a difficult call",
              "#57606a",
              "Meetings",
              120));

  private static StateCodeData code(
      int code,
      String en,
      String zh,
      String description,
      String colour,
      String category,
      int order) {
    return new StateCodeData(
        code,
        en,
        description,
        colour,
        category,
        order,
        true,
        Map.of("en", en, "zh-CN", zh),
        Set.of());
  }

  /** Seeds the demo catalog if the demo configuration is on and the catalog is empty. */
  public void seed() {
    if (demoEnabled && catalog.isEmpty()) {
      catalog.seed(CODES);
    }
  }
}
