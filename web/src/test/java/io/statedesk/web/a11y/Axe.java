package io.statedesk.web.a11y;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.statedesk.testkit.Browsers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core run inside the test's browser against the page as it stands (dialogs open included),
 * limited to the WCAG 2.0, 2.1 and 2.2 A and AA rules.
 *
 * <p>Exists so that every page is held to the console's promise (WCAG 2.2 AA, no serious or
 * critical finding) the same way: one rule set, one reading of the results, one failure text that
 * names the rule, the element and what to fix.
 */
final class Axe {

  private static final List<String> WCAG_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  /**
   * Results of the violations only: axe then lists one node per passing or inapplicable rule
   * instead of every node, and far less comes back through WebDriver for each page.
   */
  private static final AxeRunOptions ONLY_VIOLATIONS = onlyViolations();

  private static AxeRunOptions onlyViolations() {
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of("violations"));
    return options;
  }

  private Axe() {}

  /**
   * The serious and critical findings on the current page, one line per element ({@code page: rule
   * (impact) target: summary}); empty when the page passes. Findings count only if the page still
   * has them once it has rested a second: a button fading back from its loading state (PrimeFaces'
   * transition after a click) was measured mid-fade, #1565c0 blended with white to 4.14:1, 3.63:1
   * and 4.13:1 (the last two on 2026-12-05, when the fade began just after a check had found no
   * animation running). A colour that fails at rest fails both times.
   */
  static List<String> blockingFindings(WebDriver browser, String page) {
    rest(browser, page, Duration.ofMillis(300));
    List<String> findings = analyze(browser, page);
    if (findings.isEmpty()) {
      return findings;
    }
    rest(browser, page, Duration.ofSeconds(1));
    return analyze(browser, page);
  }

  /** Waits until no finite animation has run on the page for {@code quiet} in a row. */
  private static void rest(WebDriver browser, String page, Duration quiet) {
    long[] quietSince = {0};
    Browsers.waitUpTo(browser, Duration.ofSeconds(10))
        .withMessage("finite animations still running on " + page)
        .until(
            d -> {
              boolean still =
                  Boolean.TRUE.equals(
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "return document.getAnimations().filter(function (a) {"
                                  + " return a.playState === 'running'"
                                  + " && a.effect.getComputedTiming().endTime !== Infinity;"
                                  + " }).length === 0;"));
              long now = System.nanoTime();
              if (!still) {
                quietSince[0] = 0;
                return false;
              }
              if (quietSince[0] == 0) {
                quietSince[0] = now;
              }
              return now - quietSince[0] >= quiet.toNanos();
            });
  }

  private static List<String> analyze(WebDriver browser, String page) {
    Results results =
        new AxeBuilder().withOptions(ONLY_VIOLATIONS).withTags(WCAG_AA).analyze(browser);
    if (results.isErrored()) {
      throw new IllegalStateException("axe-core failed on " + page, results.getError());
    }
    List<String> findings = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        String impact = node.getImpact() != null ? node.getImpact() : rule.getImpact();
        if (BLOCKING.contains(impact)) {
          findings.add(
              page
                  + ": "
                  + rule.getId()
                  + " ("
                  + impact
                  + ") "
                  + node.getTarget()
                  + ": "
                  + String.valueOf(node.getFailureSummary()).replace('\n', ' '));
        }
      }
    }
    return findings;
  }
}
