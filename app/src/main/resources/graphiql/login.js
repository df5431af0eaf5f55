// Picks a demo person, fetches their token from POST /dev/token (demo mode only) and (re)mounts GraphiQL with it
// in the Authorization header, so that the schema is fetched with it and the documentation explorer fills.
(function () {
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var status = document.getElementById('status');
  var select = document.getElementById('person');
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';

  function mount(person, token) {
    var headers = token ? { Authorization: 'Bearer ' + token } : {};
    var fetcher = GraphiQL.createFetcher({
      url: '/graphql',
      subscriptionUrl: wsUrl,
      headers: headers,
      wsConnectionParams: headers
    });
    root.render(React.createElement(GraphiQL, {
      key: person || 'nobody',
      fetcher: fetcher,
      headers: JSON.stringify(headers, null, 2),
      shouldPersistHeaders: false,
      visiblePlugin: token ? GraphiQL.React.DOC_EXPLORER_PLUGIN : null,
      defaultQuery: '# Logged in as ' + (person || 'nobody') + '\n{\n  me {\n    personId\n    teams { id name }\n  }\n}\n'
    }));
  }

  function login(person) {
    if (!person) {
      mount(null, null);
      return;
    }
    fetch('/dev/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ personId: person })
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status === 404
          ? 'no built-in token issuer (not demo mode): put your own token into the headers pane'
          : 'the token issuer answered HTTP ' + response.status);
      }
      return response.json();
    }).then(function (body) {
      status.textContent = 'Logged in as ' + person + ' (token until ' + body.expiresAt + ').';
      mount(person, body.token);
    }).catch(function (error) {
      status.textContent = error.message;
      mount(null, null);
    });
  }

  select.addEventListener('change', function () { login(select.value); });
  mount(null, null);
})();
