package io.statedesk.core.gateway;

/** The gateway answered with a retcode other than {@code "0"}. */
public final class GatewayRejectedException extends GatewayException {

  private static final long serialVersionUID = 1L;

  private final Retcode retcode;

  public GatewayRejectedException(String operation, int agentId, Retcode retcode) {
    super(operation, agentId, operation + " for agent " + agentId + " rejected: " + retcode, null);
    this.retcode = retcode;
  }

  public Retcode retcode() {
    return retcode;
  }

  public RetcodeClass retcodeClass() {
    return retcode.retcodeClass();
  }

  @Override
  public boolean isRetryable() {
    return retcode.retcodeClass().isRetryable();
  }
}
