package io.statedesk.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The page language: the browser's preferred supported language until the user picks one in the
 * header, then that choice for the rest of the session.
 */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** English and Simplified Chinese, in menu order. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  private Locale chosen;

  /** The locale pages render in. */
  public Locale getLocale() {
    if (chosen != null) {
      return chosen;
    }
    Locale requested = FacesContext.getCurrentInstance().getExternalContext().getRequestLocale();
    return bestMatch(requested);
  }

  public String getLanguage() {
    return getLocale().toLanguageTag();
  }

  /** Switches language and reloads the current page so that every text follows. */
  public void choose(String languageTag) throws IOException {
    chosen = bestMatch(Locale.forLanguageTag(languageTag));
    var external = FacesContext.getCurrentInstance().getExternalContext();
    String uri = ((HttpServletRequest) external.getRequest()).getRequestURI();
    external.redirect(uri);
  }

  public List<Locale> getSupported() {
    return SUPPORTED;
  }

  static Locale bestMatch(Locale requested) {
    if (requested != null && "zh".equals(requested.getLanguage())) {
      return Locale.SIMPLIFIED_CHINESE;
    }
    return Locale.ENGLISH;
  }
}
