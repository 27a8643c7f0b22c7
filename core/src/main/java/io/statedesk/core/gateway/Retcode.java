package io.statedesk.core.gateway;

/**
 * A gateway retcode with its documented meaning and what it means for us.
 *
 * @param code e.g. {@code "100-006"}
 * @param meaning the meaning from gateway-api.md section 9, in our words
 * @param retcodeClass how a caller should react
 */
public record Retcode(String code, String meaning, RetcodeClass retcodeClass) {

  @Override
  public String toString() {
    return code + " (" + meaning + ")";
  }
}
