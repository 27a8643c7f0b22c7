package io.statedesk.web.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The page language: the first of the browser's languages that the console speaks ({@link
 * Languages}) until the user picks one in the header, then that choice for the rest of the session.
 */
@Named("locale")
@SessionScoped
public class LocaleBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** English and Simplified Chinese, in menu order. */
  public static final List<Locale> SUPPORTED = Languages.SUPPORTED;

  private Locale chosen;

  /** The locale pages render in. */
  public Locale getLocale() {
    if (chosen != null) {
      return chosen;
    }
    Iterator<Locale> requested =
        FacesContext.getCurrentInstance().getExternalContext().getRequestLocales();
    return Languages.firstSpoken(() -> requested);
  }

  public String getLanguage() {
    return getLocale().toLanguageTag();
  }

  /** Switches language and reloads the current page so that every text follows. */
  public void choose(String languageTag) throws IOException {
    chosen = Languages.spoken(Locale.forLanguageTag(languageTag)).orElse(Locale.ENGLISH);
    var external = FacesContext.getCurrentInstance().getExternalContext();
    String uri = ((HttpServletRequest) external.getRequest()).getRequestURI();
    external.redirect(uri);
  }

  public List<Locale> getSupported() {
    return SUPPORTED;
  }
}
