// ResetFlow portal: everything here only improves pages that work without it.
(function () {
  'use strict';

  // Fields a Camunda Form hides by a simple condition (=key = "value", or a list: values joined by |) follow the
  // choice as it is made.
  function applyConditions(form) {
    form.querySelectorAll('[data-hide-key]').forEach(function (field) {
      var key = field.getAttribute('data-hide-key');
      var value = field.getAttribute('data-hide-value');
      var whenDifferent = field.getAttribute('data-hide-when-different') === 'true';
      var chosen = form.querySelector('[name="' + key + '"]:checked') || form.querySelector('select[name="' + key + '"]');
      var current = chosen ? chosen.value : null;
      var listed = value.split('|').indexOf(current) >= 0;
      var hide = current !== null && current !== '' && (whenDifferent ? !listed : listed);
      field.hidden = hide;
      field.querySelectorAll('input, select, textarea').forEach(function (input) { input.disabled = hide; });
    });
  }

  // Show or hide what is typed into password fields.
  function addVisibilityToggles(root) {
    root.querySelectorAll('input[type="password"]').forEach(function (input) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'toggle-visibility';
      var show = input.getAttribute('data-show-text');
      var hide = input.getAttribute('data-hide-text');
      if (!show || !hide) { return; }
      button.textContent = show;
      button.setAttribute('aria-controls', input.id);
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', function () {
        var visible = input.type === 'password';
        input.type = visible ? 'text' : 'password';
        button.textContent = visible ? hide : show;
        button.setAttribute('aria-pressed', visible ? 'true' : 'false');
      });
      input.parentNode.appendChild(button);
    });
  }

  // Tick the password rules that the typed password already meets (length and character classes).
  function liveRules(root) {
    root.querySelectorAll('input[data-password-rules="password"]').forEach(function (input) {
      var rules = input.closest('.field').querySelectorAll('[data-rule]');
      function check() {
        var value = input.value;
        var length = Array.from(value).length;
        var classes = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}\s]/u].filter(function (c) { return c.test(value); }).length;
        rules.forEach(function (rule) {
          var parameter = parseInt(rule.getAttribute('data-parameter'), 10);
          var met = null;
          switch (rule.getAttribute('data-rule')) {
            case 'TOO_SHORT': met = length >= parameter; break;
            case 'TOO_LONG': met = length > 0 && length <= parameter; break;
            case 'NOT_ENOUGH_CHARACTER_CLASSES': met = classes >= parameter; break;
          }
          if (met !== null) { rule.classList.toggle('met', met); }
        });
      }
      input.addEventListener('input', check);
      check();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var summary = document.querySelector('.error-summary');
    if (summary) { summary.focus(); }
    document.querySelectorAll('form.step-form').forEach(function (form) {
      applyConditions(form);
      form.addEventListener('change', function () { applyConditions(form); });
      addVisibilityToggles(form);
      liveRules(form);
    });
  });
})();
