package io.statedesk.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.Deployments;
import io.statedesk.core.desired.ManagedThreads;
import io.statedesk.core.testing.SharedServer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who sees which agents, asked as the live-push timer asks it: on a managed thread of our own that
 * a request started and that outlives it. In a full run the timer's every flush once failed with
 * "closed EntityManager" from the moment the request that had started its thread ended, so no open
 * page was told anything again; each test method here is a request of its own.
 */
@SharedServer
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AudienceOnOwnThreadsIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.core("statedesk.demo.enabled=true");
  }

  @Inject AgentAudience audience;

  /** Started by the first test's request, used again by the second's, as LivePush's timer is. */
  static ScheduledThreadPoolExecutor timer;

  private Set<String> askedOnTheTimer() throws Exception {
    return timer
        .schedule(
            () -> audience.seeingAny(List.of(10001), List.of("admin")), 10, TimeUnit.MILLISECONDS)
        .get(30, TimeUnit.SECONDS);
  }

  @Test
  @Order(1)
  void askedOnAThreadThatAnotherManagedThreadStarted() throws Exception {
    // as in the console: the timer is made by whichever thread first has news, often a worker of
    // the engine or of the sessions, a managed thread that ends later
    ExecutorService worker = Executors.newSingleThreadExecutor(ManagedThreads.factory());
    try {
      worker
          .submit(
              () -> {
                timer = new ScheduledThreadPoolExecutor(1, ManagedThreads.factory());
                return askedOnTheTimer();
              })
          .get(60, TimeUnit.SECONDS);
      assertThat(askedOnTheTimer()).containsExactly("admin");
    } finally {
      worker.shutdown();
      assertThat(worker.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    // the worker's thread has ended: the timer must still work
    assertThat(askedOnTheTimer()).containsExactly("admin");
  }

  @Test
  @Order(2)
  void askedAgainAfterThatRequestEnded() throws Exception {
    assertThat(timer).as("the first test ran in this deployment").isNotNull();
    assertThat(askedOnTheTimer()).containsExactly("admin");
    assertThat(askedOnTheTimer()).containsExactly("admin");
  }

  @AfterAll
  static void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
