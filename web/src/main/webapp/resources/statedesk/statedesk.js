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
