/*
 * The console's own browser code (a file, because the Content-Security-Policy allows no inline
 * script). Conveniences only: every rule is checked again on the server.
 */
var StateDesk = window.StateDesk || {};

/** The digits of a typed count, without group separators ("18,889", "18 889" -> "18889"). */
StateDesk.digits = function (text) {
  return (text || '').replace(/[\s,.'\u00a0\u202f_]/g, '');
};

/**
 * Enables Apply in the Set-state dialog only when no confirmation is asked, or the typed number is
 * the number of agents (data-expected of the field).
 */
StateDesk.armConfirm = function () {
  var apply = window.PF ? PF('applyButton') : null;
  if (!apply) {
    return;
  }
  var input = document.getElementById('setStateForm:confirmation');
  if (!input) {
    apply.enable();
    return;
  }
  var digits = StateDesk.digits(input.value);
  var ok = /^[0-9]{1,9}$/.test(digits)
      && parseInt(digits, 10) === parseInt(input.getAttribute('data-expected'), 10);
  if (ok) {
    apply.enable();
  } else {
    apply.disable();
  }
};

/** Enter in the confirmation field checks it (the change event) instead of submitting the form. */
StateDesk.confirmKey = function (event, input) {
  if (event.key === 'Enter') {
    input.blur();
    return false;
  }
  return true;
};

/** Opens or closes the folded menu of narrow screens. */
StateDesk.toggleMenu = function (button) {
  var header = document.querySelector('.sd-header');
  var open = header.classList.toggle('sd-menu-open');
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
};

/**
 * Copies a one-time secret (API token, relay client token) from its read-only field: the
 * clipboard API where the page is served over HTTPS or from localhost, else the selection.
 */
StateDesk.copy = function (fieldId) {
  var field = document.getElementById(fieldId);
  field.focus();
  field.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value);
  } else {
    document.execCommand('copy');
  }
};

/**
 * Closing a dialog puts the focus back on what opened it (WCAG 2.4.3). PrimeFaces remembers the
 * element that had the focus when the dialog is shown; two cases lose it, and are mended here:
 * an opener that is disabled while its AJAX request runs has dropped the focus by the time the
 * dialog shows (then the last element focused outside any dialog is the opener), and an AJAX update
 * may replace the opener while the dialog is open (a Save that re-renders the table whose row
 * button opened it: the same id is looked up again) or in the 100 ms between closing and PrimeFaces'
 * own focus call (the Agents page's live refresh re-renders the Set-state button).
 */
StateDesk.keepDialogOpeners = function () {
  var Dialog = window.PrimeFaces && PrimeFaces.widget && PrimeFaces.widget.Dialog;
  if (!Dialog || Dialog.prototype.sdOpenerKept) {
    return;
  }
  document.addEventListener('focusin', function (event) {
    if (event.target.id && !event.target.closest('.ui-dialog, .ui-overlay-visible')) {
      StateDesk.lastFocused = event.target;
    }
  });
  var show = Dialog.prototype.show;
  Dialog.prototype.show = function () {
    var shown = show.apply(this, arguments);
    var opener = this.focusedElementBeforeDialogOpened;
    if ((!opener || opener === document.body) && StateDesk.lastFocused) {
      this.focusedElementBeforeDialogOpened = StateDesk.lastFocused;
    }
    return shown;
  };
  var returnFocus = Dialog.prototype.returnFocus;
  Dialog.prototype.returnFocus = function () {
    var opener = this.focusedElementBeforeDialogOpened;
    if (opener && opener.id && !document.body.contains(opener)) {
      opener = document.getElementById(opener.id);
      this.focusedElementBeforeDialogOpened = opener;
    }
    var returned = returnFocus.apply(this, arguments);
    if (opener && $('.ui-dialog:visible').length === 0) {
      // PrimeFaces focuses the element it holds 100 ms later; by then a live refresh may have
      // replaced it (its own re-focus saw no focus to keep, the dialog's field had let it go), or it
      // may still be disabled: the opener is looked up by id again once PrimeFaces has tried
      setTimeout(function () {
        StateDesk.focusOnceEnabled(opener, Date.now() + 3000);
      }, 120);
    }
    return returned;
  };
  Dialog.prototype.sdOpenerKept = true;
};
document.addEventListener('DOMContentLoaded', StateDesk.keepDialogOpeners);

/**
 * PrimeFaces keeps a button that sent a request disabled for its minimum loading animation, also
 * after the answer came; focus() on a disabled button does nothing, so a dialog that such a button
 * opened and that was closed at once (Escape) left the focus nowhere. The opener gets the focus
 * when it is enabled again, unless the user has put it somewhere meanwhile.
 */
StateDesk.focusOnceEnabled = function (element, until) {
  var active = document.activeElement;
  if (active && active !== document.body) {
    return;
  }
  // an AJAX update may have replaced the element meanwhile: the one with its id now is meant
  var current = (element.id && document.getElementById(element.id)) || element;
  if (!current.disabled) {
    current.focus({preventScroll: true});
  } else if (Date.now() < until) {
    setTimeout(function () {
      StateDesk.focusOnceEnabled(element, until);
    }, 50);
  }
};

/**
 * PrimeFaces' skinned file chooser (p:fileUpload skinSimple) takes the keyboard focus on its real
 * input type=file but marks that input aria-hidden, so a screen reader announces nothing where the
 * focus is (WCAG 4.1.2). The input is given back to screen readers, named like its button.
 */
StateDesk.nameFileInputs = function () {
  document.querySelectorAll('.ui-fileupload-simple input[type=file][aria-hidden="true"]').forEach(function (input) {
    input.removeAttribute('aria-hidden');
    var text = input.closest('.ui-fileupload-simple').querySelector('.ui-button-text');
    if (text && !input.getAttribute('aria-label') && !input.getAttribute('aria-labelledby')) {
      input.setAttribute('aria-label', text.textContent.trim());
    }
  });
};
document.addEventListener('DOMContentLoaded', StateDesk.nameFileInputs);

/**
 * A field with data-sd-shows-value-in="ID" shows its value, as the user changes it, in the element
 * ID (the catalog's colour as #rrggbb beside the colour input). Here rather than in an inline
 * oninput handler: the console's Content Security Policy blocks those.
 */
['input', 'change'].forEach(function (type) {
  document.addEventListener(type, function (event) {
    var target = event.target;
    var shown = target.getAttribute && target.getAttribute('data-sd-shows-value-in');
    var element = shown && document.getElementById(shown);
    if (element) {
      element.textContent = target.value;
    }
  }, true);
});

/**
 * Escape closes a dialog (closeOnEscape) also from a number field: PrimeFaces' p:inputNumber
 * (AutoNumeric) keeps Escape for itself, to undo the typing, so a keyboard user in the catalog's
 * Code field could not leave the dialog with it. Listens before AutoNumeric (capture phase).
 */
document.addEventListener('keydown', function (event) {
  var target = event.target;
  if (event.key !== 'Escape' || !target.closest || !target.closest('.ui-inputnumber') || !window.PrimeFaces) {
    return;
  }
  var dialog = target.closest('.ui-dialog');
  Object.keys(PrimeFaces.widgets).forEach(function (name) {
    var widget = PrimeFaces.widgets[name];
    if (dialog && widget instanceof PrimeFaces.widget.Dialog && widget.jq && widget.jq[0] === dialog
        && widget.cfg.closeOnEscape) {
      widget.hide();
    }
  });
}, true);

/**
 * Live updates of the picker and the change page. The server pushes a signal over a Jakarta Faces
 * websocket (f:websocket, see LivePush); the page then re-renders its live parts through its
 * p:remoteCommand, so every row still comes from the page's own, scoped bean. The page's
 * .sd-live element says how:
 *   data-refresh   name of the p:remoteCommand that re-renders the live parts;
 *   data-only      if set, only a message equal to it refreshes (the change page's id);
 *   data-fallback  seconds between refreshes while the websocket is down (a proxy that does not
 *                  pass websockets): the page still works, and says "live updates off";
 *   data-slow      seconds between refreshes while it is up: news learnt by another console of a
 *                  cluster reaches this one through the database only;
 *   data-finished  "true" once nothing more will change (a finished change): no more refreshes;
 *   data-on, data-off, data-connecting  the indicator's texts.
 * One refresh at a time: a message during a refresh asks for one more afterwards, never more.
 *
 * A refresh waits (see whenQuiet) until
 *  - the page has loaded and PrimeFaces has put the CSP nonce into its forms: the websocket can
 *    open before that, and a request without the nonce is refused (PrimeFaces' "CSP nonce
 *    mismatch", a 500 that also lost the news it was sent for);
 *  - no request of the user's is queued or running, and the user has not pressed a key or a button
 *    for QUIET_MS: rows re-rendered under a click would take the click away from the user;
 *  - no tooltip has been open for less than TOOLTIP_MS (it belongs to the row a refresh replaces);
 *  - MIN_GAP_MS have passed since the last refresh was sent: on a busy floor news comes several
 *    times a second, and back-to-back refreshes would keep the rows (and the database) busy for
 *    nothing a person can read; the news is still on the page within 2 s.
 */
StateDesk.live = (function () {
  var QUIET_MS = 700;
  var MIN_GAP_MS = 1000;
  var TOOLTIP_MS = 2000;
  var tooltipSince = 0;
  var state = 'connecting';
  var busy = false;
  var again = false;
  var waiting = null;
  var timer = null;
  var period = 0;
  var lastInput = 0;
  var lastSent = 0;
  var focusedId = '';

  ['mousedown', 'keydown', 'input', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function () {
      lastInput = Date.now();
    }, true);
  });

  /** Milliseconds until a refresh may be sent now; 0 when it may. */
  function notYet() {
    if (document.readyState !== 'complete' || !window.PrimeFaces) {
      return 100;
    }
    // scripts carry a nonce when the page runs under a CSP nonce policy
    if (document.querySelector('script[nonce]') && !(PrimeFaces.csp && PrimeFaces.csp.NONCE_VALUE)) {
      return 100;
    }
    if (PrimeFaces.ajax && PrimeFaces.ajax.Queue && !PrimeFaces.ajax.Queue.isEmpty()) {
      return 200;
    }
    // a tooltip being read (a code's description) would vanish with the row it belongs to: wait,
    // but at most TOOLTIP_MS, as a pointer resting on a cell would otherwise stop the page
    if (window.jQuery && jQuery('.ui-tooltip:visible').length) {
      tooltipSince = tooltipSince || Date.now();
      if (Date.now() - tooltipSince < TOOLTIP_MS) {
        return 300;
      }
    } else {
      tooltipSince = 0;
    }
    var now = Date.now();
    return Math.max(lastInput + QUIET_MS - now, lastSent + MIN_GAP_MS - now, 0);
  }

  /** Runs send once the page is ready and quiet; several calls meanwhile make one. */
  function whenQuiet(send) {
    if (waiting) {
      return;
    }
    var wait = notYet();
    if (wait === 0) {
      send();
      return;
    }
    waiting = setTimeout(function () {
      waiting = null;
      whenQuiet(send);
    }, wait);
  }

  function box() {
    return document.querySelector('.sd-live');
  }

  function seconds(name) {
    var b = box();
    return b ? parseInt(b.getAttribute('data-' + name), 10) || 0 : 0;
  }

  function show(now) {
    state = now;
    var b = box();
    if (b) {
      b.setAttribute('data-state', now);
      b.querySelector('.sd-live-text').textContent = b.getAttribute('data-' + now);
    }
  }

  function finished() {
    var b = box();
    return b && b.getAttribute('data-finished') === 'true';
  }

  function every(s) {
    var wanted = finished() ? 0 : s;
    if (wanted === period) {
      return;
    }
    if (timer) {
      clearInterval(timer);
    }
    period = wanted;
    timer = wanted > 0 ? setInterval(refresh, wanted * 1000) : null;
  }

  /**
   * The page's refresh command, looked up each time: a refresh that waited for a quiet moment
   * sends the function the page has then, not one it may have replaced meanwhile.
   */
  function command() {
    var b = box();
    var found = b ? window[b.getAttribute('data-refresh')] : null;
    return typeof found === 'function' ? found : null;
  }

  function refresh() {
    if (!command() || finished()) {
      return;
    }
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    whenQuiet(function () {
      var send = command();
      if (!send) {
        busy = false;
        return;
      }
      var active = document.activeElement;
      focusedId = active && active !== document.body ? active.id : '';
      lastSent = Date.now();
      send();
    });
  }

  /**
   * A refresh replaces the rows and buttons it re-renders, and the focus on one of them would fall
   * to the page (a keyboard user would start again from the top): it goes to the element's
   * successor, found by its id.
   */
  function keepFocus() {
    var active = document.activeElement;
    if (focusedId && (!active || active === document.body)) {
      var again = document.getElementById(focusedId);
      if (again) {
        again.focus({preventScroll: true});
      }
    }
    focusedId = '';
  }

  function off() {
    show('off');
    every(seconds('fallback'));
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () {
      if (state === 'connecting') {
        every(seconds('fallback'));
      }
    });
  }

  return {
    /**
     * f:websocket onopen: live; only the slow refresh for other consoles' news remains. One refresh
     * now: what the console learnt between the page's rendering and this moment was sent to nobody.
     */
    opened: function () {
      var first = state === 'connecting';
      show('on');
      every(seconds('slow'));
      if (first) {
        refresh();
      }
    },
    /**
     * f:websocket onmessage. A message also proves the socket is back after a drop (Faces calls
     * onopen only for the first connection).
     */
    message: function (message) {
      if (state !== 'on') {
        StateDesk.live.opened();
      }
      var only = box() ? box().getAttribute('data-only') : '';
      if (!only || String(message) === only) {
        refresh();
      }
    },
    /** f:websocket onerror: the connection dropped and is being retried; poll meanwhile. */
    error: off,
    /** f:websocket onclose: no (more) websocket; poll. */
    closed: off,
    /** oncomplete of the page's refresh command. */
    done: function () {
      busy = false;
      keepFocus();
      show(state);
      every(state === 'on' ? seconds('slow') : seconds('fallback'));
      if (again) {
        again = false;
        refresh();
      }
    },
    /** Whether the page is live (for tests and the indicator). */
    state: function () {
      return state;
    }
  };
})();
