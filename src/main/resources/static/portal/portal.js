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

  // Passkeys (WebAuthn): the browser makes or uses one for the options the step shows; the answer goes back in the
  // step's hidden fields, base64url, as the journey API takes it from any client.
  function fromBase64url(text) {
    var base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) { base64 += '='; }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function descriptors(list) {
    return (list || []).map(function (credential) {
      return { type: 'public-key', id: fromBase64url(credential.id), transports: credential.transports };
    });
  }

  function passkeys(form) {
    var holder = form.querySelector('[data-webauthn-options]');
    if (!holder) { return; }
    var kind = holder.getAttribute('data-webauthn-options');
    var status = holder.querySelector('.webauthn-status');
    var button = form.querySelector('button[type="submit"]');
    function say(text) { status.textContent = text; status.hidden = false; }
    if (!window.PublicKeyCredential || !navigator.credentials) {
      say(holder.getAttribute('data-text-unsupported'));
      return;
    }
    if (kind === 'requestOptions') { button.textContent = holder.getAttribute('data-text-button'); }
    function field(name) { return form.querySelector('input[data-webauthn="' + name + '"]'); }
    function wanted() {
      if (kind === 'requestOptions') { return true; }
      var choice = form.querySelector('input[name="passkey"]:checked');
      return choice !== null && choice.value === 'add';
    }
    form.addEventListener('submit', function (event) {
      if (!wanted() || form.getAttribute('data-webauthn-done') === 'true') { return; }
      event.preventDefault();
      var options = JSON.parse(holder.getAttribute('data-options'));
      var ceremony;
      if (kind === 'requestOptions') {
        ceremony = navigator.credentials.get({ publicKey: {
          challenge: fromBase64url(options.challenge), timeout: options.timeout, rpId: options.rpId,
          userVerification: options.userVerification, allowCredentials: descriptors(options.allowCredentials)
        } });
      } else {
        ceremony = navigator.credentials.create({ publicKey: {
          rp: options.rp, challenge: fromBase64url(options.challenge), timeout: options.timeout,
          user: { id: fromBase64url(options.user.id), name: options.user.name, displayName: options.user.displayName },
          pubKeyCredParams: options.pubKeyCredParams, excludeCredentials: descriptors(options.excludeCredentials),
          authenticatorSelection: options.authenticatorSelection, attestation: options.attestation
        } });
      }
      button.disabled = true;
      ceremony.then(function (credential) {
        var response = credential.response;
        field('clientDataJSON').value = toBase64url(response.clientDataJSON);
        if (kind === 'requestOptions') {
          field('credentialId').value = toBase64url(credential.rawId);
          field('authenticatorData').value = toBase64url(response.authenticatorData);
          field('signature').value = toBase64url(response.signature);
          field('userHandle').value = response.userHandle ? toBase64url(response.userHandle) : '';
        } else {
          field('attestationObject').value = toBase64url(response.attestationObject);
          field('transports').value = response.getTransports ? response.getTransports().join(',') : '';
        }
        form.setAttribute('data-webauthn-done', 'true');
        form.submit();
      }).catch(function () {
        button.disabled = false;
        say(holder.getAttribute('data-text-failed'));
      });
    });
  }

  // Options only a script can use (a passkey) appear where the browser can use them.
  function revealScriptOptions(root) {
    if (!window.PublicKeyCredential) { return; }
    root.querySelectorAll('[data-requires="webauthn"]').forEach(function (option) {
      option.hidden = false;
      option.querySelectorAll('input').forEach(function (input) { input.disabled = false; });
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
      revealScriptOptions(form);
      passkeys(form);
    });
  });
})();
