// The Finesse desktop host page of the simulator: sign-in, the gadget iframe, simulated calls.
// The gadget's finesse.js shim (same origin) reads window.parent.finesseDesktop.
(function () {
  'use strict';
  var CM_URL = document.body.getAttribute('data-cm-url');
  var $ = function (id) { return document.getElementById(id); };
  var state = { config: null, dialogs: new Map(), listeners: new Set(), events: null };

  window.finesseDesktop = {
    get config() { return state.config; },
    dialogs: function () { return Array.from(state.dialogs.values()); },
    /** listener(kind: 'add' | 'delete', dialog) ; returns the unsubscribe function */
    onDialogs: function (listener) { state.listeners.add(listener); return function () { state.listeners.delete(listener); }; },
  };

  function notify(kind, dialog) {
    state.listeners.forEach(function (l) { try { l(kind, dialog); } catch (e) { console.error(e); } });
    renderCalls();
  }

  function text(xml, tag) {
    var el = xml.getElementsByTagName(tag)[0];
    return el ? el.textContent : '';
  }

  function signIn(id, password, locale) {
    $('login-error').textContent = '';
    var authorization = btoa(id + ':' + password);
    return fetch('/finesse/api/User/' + encodeURIComponent(id), { headers: { Authorization: 'Basic ' + authorization } })
      .then(function (res) {
        if (res.status === 401) throw new Error('Invalid user ID or password.');
        if (!res.ok) throw new Error('Finesse answered HTTP ' + res.status);
        return res.text();
      })
      .then(function (body) {
        var xml = new DOMParser().parseFromString(body, 'application/xml');
        var roles = Array.prototype.map.call(xml.getElementsByTagName('role'), function (r) { return r.textContent; });
        state.config = {
          id: id,
          authorization: authorization,
          authToken: null,
          systemAuthMode: 'NON_SSO',
          host: location.hostname,
          restHost: location.hostname,
          hostPort: location.port,
          scheme: location.protocol.replace(':', ''),
          extension: text(xml, 'extension'),
          firstName: text(xml, 'firstName'),
          lastName: text(xml, 'lastName'),
          roles: roles,
          teamId: text(xml, 'teamId'),
          teamName: text(xml, 'teamName'),
          locale: locale,
        };
        showDesktop();
      })
      .catch(function (e) { $('login-error').textContent = e.message; });
  }

  function showDesktop() {
    var c = state.config;
    // The desktop speaks the agent's language, as Finesse does after sign-in ("pl_PL" → lang="pl-PL").
    document.documentElement.lang = String(c.locale || 'en_US').replace('_', '-');
    $('login').hidden = true;
    $('desktop').hidden = false;
    $('who').hidden = false;
    $('who').textContent = c.firstName + ' ' + c.lastName + ' (' + c.id + ', ' + c.teamName + ')';
    $('logout').hidden = false;
    var frame = document.createElement('iframe');
    frame.id = 'gadget-frame';
    frame.title = 'Callback Gadget';
    frame.src = '/desktop/gadget?url=' + encodeURIComponent(CM_URL + '/gadget.xml') + '&up_cmUrl=' + encodeURIComponent(CM_URL);
    $('gadget-slot').replaceChildren(frame);
    state.events = new EventSource('/desktop/events/' + encodeURIComponent(c.id));
    state.events.addEventListener('call', function (ev) {
      var d = JSON.parse(ev.data).dialog;
      state.dialogs.set(d.id, d);
      notify('add', d);
    });
    state.events.addEventListener('end', function (ev) {
      var e = JSON.parse(ev.data);
      var d = state.dialogs.get(e.dialogId);
      if (!d) return;
      state.dialogs.delete(e.dialogId);
      notify('delete', d);
    });
  }

  function signOut() {
    if (state.events) state.events.close();
    state.events = null;
    state.config = null;
    state.dialogs.clear();
    state.listeners.clear();
    $('gadget-slot').replaceChildren();
    $('desktop').hidden = true;
    $('who').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    document.documentElement.lang = 'en'; // the sign-in page is English
    renderCalls();
  }

  function renderCalls() {
    var list = $('call-list');
    list.replaceChildren();
    state.dialogs.forEach(function (d) {
      var li = document.createElement('li');
      var account = d.callVariables.BAAccountNumber || d.callVariables.callVariable10;
      var vars = account ? ' · account ' + account : '';
      li.textContent = d.callType + ' ' + d.fromAddress + ' → ' + (d.dnis || '') + vars + ' ';
      var end = document.createElement('button');
      end.type = 'button';
      end.textContent = 'End';
      end.setAttribute('aria-label', 'End call ' + d.id);
      end.addEventListener('click', function () { endCall(d.id); });
      li.appendChild(end);
      list.appendChild(li);
    });
  }

  function present(call) {
    return fetch('/desktop/api/calls/' + encodeURIComponent(state.config.id), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(call),
    });
  }
  function endCall(dialogId) {
    return fetch('/desktop/api/calls/' + encodeURIComponent(state.config.id) + (dialogId ? '/' + dialogId : ''), { method: 'DELETE' });
  }

  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    signIn($('user').value, $('password').value, $('locale').value);
  });
  $('logout').addEventListener('click', signOut);
  $('outbound-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var vars = {};
    ['BAAccountNumber', 'BACustomerNumber', 'BABuddyName', 'BACampaign'].forEach(function (n) {
      var v = e.target.elements[n].value.trim();
      if (v) vars[n] = v;
    });
    present({ callType: 'OUTBOUND', fromAddress: vars.BACustomerNumber || '', dnis: e.target.elements.dnis.value.trim(), callVariables: vars });
  });
  // A callback call as the Callback IVR script queues it: ACD_IN, the account number in a call variable.
  $('ivr-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var account = e.target.elements.account.value.trim();
    present({ callType: 'ACD_IN', fromAddress: e.target.elements.fromAddress.value.trim(), dnis: '', callVariables: account ? { callVariable10: account } : {} });
  });
  $('inbound-form').addEventListener('submit', function (e) {
    e.preventDefault();
    present({ callType: 'INBOUND', fromAddress: e.target.elements.fromAddress.value.trim(), dnis: e.target.elements.dnis.value.trim(), callVariables: {} });
  });
  $('end-calls').addEventListener('click', function () { endCall(); });

  // ?user=1001&password=demo&locale=pl_PL signs in at once (handy for demos and tests).
  var q = new URLSearchParams(location.search);
  if (q.get('user')) {
    $('user').value = q.get('user');
    if (q.get('locale')) $('locale').value = q.get('locale');
    signIn(q.get('user'), q.get('password') || 'demo', q.get('locale') || 'en_US');
  }
})();
