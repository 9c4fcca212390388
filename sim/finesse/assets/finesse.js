/* finesse.js of the Finesse simulator: the subset of Cisco's finesse.js (and of the OpenSocial
   gadgets API the Finesse container provides) that gadgets use, with the same names and call
   shapes:
     finesse.gadget.Config                      id, authorization, authToken, host, scheme, teamId,
                                                teamName, extension, locale, systemAuthMode
     finesse.clientservices.ClientServices.init(config)
     new finesse.restservices.User({ id, onLoad, onChange, onError })
       user.getId/getFirstName/getLastName/getExtension/getTeamId/getTeamName/getRoles
       user.hasSupervisorRole/hasAgentRole
       user.getDialogs({ onCollectionAdd, onCollectionDelete, onLoad }) -> Dialogs (getCollection)
     dialog.getId/getMediaProperties/getFromAddress/getToAddress/getState/getMediaType
     finesse.containerservices.ContainerServices.init/addHandler(Topics.ACTIVE_TAB)/makeActiveTabReq
     gadgets.HubSettings.onConnect, gadgets.window.adjustHeight/setTitle, gadgets.Prefs,
     gadgets.loadingindicator.dismiss
   The user is loaded from /finesse/api/User/{id} with the agent's credentials, like Finesse does,
   and only the signed-in user (onError 403 for any other id);
   dialogs come from the desktop host page (window.parent.finesseDesktop). */
(function (w) {
  'use strict';
  var desktop = null;
  try { desktop = w.parent && w.parent !== w ? w.parent.finesseDesktop || null : null; } catch (e) { desktop = null; }
  var params = new URLSearchParams(w.location.search);

  var config = desktop && desktop.config ? Object.assign({}, desktop.config) : {
    id: params.get('id') || '',
    authorization: params.get('authorization') || '',
    authToken: params.get('authToken'),
    systemAuthMode: params.get('authToken') ? 'SSO' : 'NON_SSO',
    host: w.location.hostname,
    scheme: w.location.protocol.replace(':', ''),
    teamId: params.get('teamId') || '',
    teamName: params.get('teamName') || '',
    extension: params.get('extension') || '',
    locale: params.get('locale') || 'en_US',
  };

  var finesse = w.finesse = w.finesse || {};
  finesse.gadget = finesse.gadget || {};
  finesse.gadget.Config = config;

  var ClientServices = {
    _config: null,
    init: function (cfg) { this._config = cfg || config; },
    isInitialized: function () { return this._config != null; },
    authorizationHeader: function () {
      var c = this._config || config;
      return c.systemAuthMode === 'SSO' && c.authToken ? 'Bearer ' + c.authToken : 'Basic ' + c.authorization;
    },
  };
  finesse.clientservices = { ClientServices: ClientServices };

  /* finesse.containerservices: the desktop tells a gadget that its tab became active (Cisco's sample
     gadgets call gadgets.window.adjustHeight() then, since a hidden gadget cannot be measured). The
     simulator's desktop shows its one gadget at once, and again whenever the page becomes visible. */
  var ACTIVE_TAB = 'finesse.containerservices.activeTab';
  var tabHandlers = [];
  var ContainerServices = {
    Topics: { ACTIVE_TAB: ACTIVE_TAB },
    init: function () { return ContainerServices; },
    addHandler: function (topic, handler) { if (topic === ACTIVE_TAB && typeof handler === 'function') tabHandlers.push(handler); },
    removeHandler: function (topic, handler) { tabHandlers = tabHandlers.filter(function (h) { return h !== handler; }); },
    makeActiveTabReq: function () { later(function () { tabHandlers.forEach(function (h) { h(); }); }); },
  };
  finesse.containerservices = { ContainerServices: ContainerServices };
  if (w.document && w.document.addEventListener) {
    w.document.addEventListener('visibilitychange', function () {
      if (w.document.visibilityState === 'visible') tabHandlers.forEach(function (h) { h(); });
    });
  }

  function later(fn) { w.setTimeout(fn, 0); }
  function tag(xml, name) { var el = xml.getElementsByTagName(name)[0]; return el ? el.textContent : ''; }

  function Dialog(data) { this._data = data; }
  Dialog.prototype = {
    getId: function () { return this._data.id; },
    getData: function () { return this._data; },
    getMediaType: function () { return 'Voice'; },
    getState: function () { return this._data.state; },
    getFromAddress: function () { return this._data.fromAddress; },
    getToAddress: function () { return this._data.dnis || ''; },
    /* As finesse.js does, call variables are flattened onto the media properties
       (callVariable1..10, user.* ECC variables, BA* outbound variables). */
    getMediaProperties: function () {
      var d = this._data;
      var props = { callType: d.callType, DNIS: d.dnis || '', dialedNumber: d.dnis || '', mediaId: '1' };
      var list = [];
      Object.keys(d.callVariables || {}).forEach(function (name) {
        props[name] = d.callVariables[name];
        list.push({ name: name, value: d.callVariables[name] });
      });
      props.callvariables = { CallVariable: list };
      return props;
    },
  };

  function Dialogs(user, options) {
    var self = this;
    this._items = {};
    this._options = options || {};
    var initial = desktop ? desktop.dialogs().filter(function (d) { return d.agentId === user.getId(); }) : [];
    initial.forEach(function (d) { self._items[d.id] = new Dialog(d); });
    this._stop = desktop ? desktop.onDialogs(function (kind, d) {
      if (d.agentId !== user.getId()) return;
      if (kind === 'add' && !self._items[d.id]) {
        self._items[d.id] = new Dialog(d);
        if (self._options.onCollectionAdd) self._options.onCollectionAdd(self._items[d.id]);
      } else if (kind === 'delete' && self._items[d.id]) {
        var gone = self._items[d.id];
        delete self._items[d.id];
        if (self._options.onCollectionDelete) self._options.onCollectionDelete(gone);
      }
    }) : function () {};
    later(function () { if (self._options.onLoad) self._options.onLoad(self); });
  }
  Dialogs.prototype = {
    getCollection: function () { return Object.assign({}, this._items); },
    removeHandler: function () { this._stop(); },
  };

  function User(options) {
    if (!ClientServices.isInitialized()) throw new Error('finesse.clientservices.ClientServices.init() must be called first');
    var self = this;
    this._options = options || {};
    this._data = { id: this._options.id };
    /* No more permissive than the real library: a gadget reads the signed-in user only, agent or
       supervisor (Finesse's REST API lets supervisors read team members; gadgets must not rely on it). */
    var signedIn = (ClientServices._config || config).id;
    if (String(this._options.id) !== String(signedIn)) {
      later(function () { if (self._options.onError) self._options.onError({ status: 403, content: 'Forbidden: only the signed-in user can be read' }); });
      return;
    }
    w.fetch('/finesse/api/User/' + encodeURIComponent(this._options.id), { headers: { Authorization: ClientServices.authorizationHeader(), Accept: 'application/xml' } })
      .then(function (res) {
        if (!res.ok) { var err = new Error('HTTP ' + res.status); err.status = res.status; throw err; }
        return res.text();
      })
      .then(function (body) {
        var xml = new DOMParser().parseFromString(body, 'application/xml');
        self._data = {
          id: tag(xml, 'loginId'), firstName: tag(xml, 'firstName'), lastName: tag(xml, 'lastName'),
          extension: tag(xml, 'extension'), teamId: tag(xml, 'teamId'), teamName: tag(xml, 'teamName'), state: tag(xml, 'state'),
          roles: Array.prototype.map.call(xml.getElementsByTagName('role'), function (r) { return r.textContent; }),
        };
        if (self._options.onLoad) self._options.onLoad(self);
      })
      .catch(function (e) { if (self._options.onError) self._options.onError({ status: e.status || 0, content: e.message }); });
  }
  User.prototype = {
    getId: function () { return this._data.id; },
    getFirstName: function () { return this._data.firstName; },
    getLastName: function () { return this._data.lastName; },
    getFullName: function () { return this._data.firstName + ' ' + this._data.lastName; },
    getExtension: function () { return this._data.extension; },
    getTeamId: function () { return this._data.teamId; },
    getTeamName: function () { return this._data.teamName; },
    getState: function () { return this._data.state; },
    getRoles: function () { return (this._data.roles || []).slice(); },
    hasSupervisorRole: function () { return (this._data.roles || []).indexOf('Supervisor') >= 0; },
    hasAgentRole: function () { return (this._data.roles || []).indexOf('Agent') >= 0; },
    getDialogs: function (options) { return new Dialogs(this, options); },
  };
  finesse.restservices = { User: User, Dialog: Dialog, Dialogs: Dialogs };

  var gadgets = w.gadgets = w.gadgets || {};
  gadgets.HubSettings = gadgets.HubSettings || { onConnect: null };
  gadgets.window = {
    adjustHeight: function (height) {
      var frame = w.frameElement;
      if (!frame) return;
      var h = height || Math.ceil(w.document.body.getBoundingClientRect().height) + 16;
      frame.style.height = h + 'px';
    },
    setTitle: function (title) { if (w.frameElement) w.frameElement.title = String(title); },
  };
  gadgets.Prefs = function () {};
  gadgets.Prefs.prototype = {
    getString: function (name) { return params.get('up_' + name) || ''; },
    getLang: function () { return String(config.locale || 'en_US').split(/[_-]/)[0]; },
  };
  gadgets.loadingindicator = { dismiss: function () {} };

  /* The container's OpenAjax hub connects after the gadget page has loaded. */
  w.addEventListener('load', function () {
    later(function () { if (typeof gadgets.HubSettings.onConnect === 'function') gadgets.HubSettings.onConnect(); });
  });
})(window);
