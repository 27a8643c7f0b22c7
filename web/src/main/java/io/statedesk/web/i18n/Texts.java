package io.statedesk.web.i18n;

import io.statedesk.core.problem.Text;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * Looks up the one message bundle ({@code msg}) in the view's locale and adds Faces messages.
 *
 * <p>Exists so that beans report outcomes by key, never by English literals, and so that a missing
 * key shows itself ({@code ???key???}) instead of failing the request.
 */
public final class Texts {

  private Texts() {}

  /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
  public static String text(String key, Object... args) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "???" + key + "???";
    }
    if (args.length == 0) {
      return pattern;
    }
    // a plural form ({0,choice,1#1 agent|1<{0,number,integer} agents}) needs the number itself
    boolean counts = pattern.contains(",choice,");
    Object[] plain = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      // Codes and agent ids are identifiers, not quantities: never "5,101".
      plain[i] = args[i] instanceof Number n && !counts ? n.toString() : args[i];
    }
    return new MessageFormat(pattern, bundle.getLocale()).format(plain);
  }

  /**
   * A text of core (a refusal, a broken rule) in the view's language: core names what to say, the
   * page says it (issue 21 point 7).
   */
  public static String say(Text text) {
    return text.in(FacesContext.getCurrentInstance().getViewRoot().getLocale());
  }

  /**
   * A quantity in the view's number format ("18,889"): the one format of counts a user reads and
   * may have to type back, so a label and an error never show the same number two ways.
   */
  public static String quantity(long n) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return NumberFormat.getIntegerInstance(faces.getViewRoot().getLocale()).format(n);
  }

  /**
   * The text for a count: {@code key.one} when {@code n} is 1 and the bundle has it ("1 agent"),
   * else {@code key} ("18,889 agents"), with the count in the view's number format.
   */
  public static String counted(String key, long n) {
    if (n == 1) {
      FacesContext faces = FacesContext.getCurrentInstance();
      if (faces.getApplication().getResourceBundle(faces, "msg").containsKey(key + ".one")) {
        return text(key + ".one", quantity(n));
      }
    }
    return text(key, quantity(n));
  }

  /**
   * An error message shown beside one field (its {@code p:message}), from the bundle. Messages are
   * added through OmniFaces' {@code Messages} with the finished text and no parameters, so it
   * formats nothing again (a text may hold quotes and braces).
   */
  public static void addFieldError(String clientId, String key, Object... args) {
    Messages.addError(clientId, text(key, args));
  }

  /**
   * Refuses the form: {@code text} (already in the view's language, e.g. core's rule with the
   * field's label) beside the field {@code clientId} ({@code null}: a global message), and the
   * request marked as failed validation, so the dialog stays open for the fix.
   */
  public static void rejectField(String clientId, String text) {
    Messages.addError(clientId, text);
    Faces.validationFailed();
  }

  /** A global message of the given severity, from the bundle. */
  public static void addGlobal(FacesMessage.Severity severity, String key, Object... args) {
    Messages.addGlobal(severity, text(key, args));
  }

  public static void addGlobalError(String key, Object... args) {
    addGlobal(FacesMessage.SEVERITY_ERROR, key, args);
  }

  public static void addGlobalInfo(String key, Object... args) {
    addGlobal(FacesMessage.SEVERITY_INFO, key, args);
  }
}
