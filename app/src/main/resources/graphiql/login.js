// Picks a demo person, fetches their token from POST /dev/token (demo mode only) and (re)mounts GraphiQL with it
// in the Authorization header and with the schema read with it, so that the documentation explorer fills.
(function () {
  // GraphiQL's own introspection query nests 13 deep, over the API's depth limit (12): this one reads the same
  // schema with type references four wrappers deep (enough for [X!]!), 10 deep.
  var INTROSPECTION = 'query IntrospectionQuery { __schema { queryType { name } mutationType { name } '
    + 'subscriptionType { name } types { ...FullType } directives { name description locations args { ...InputValue } } } }\n'
    + 'fragment FullType on __Type { kind name description '
    + 'fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } '
    + 'inputFields { ...InputValue } interfaces { ...TypeRef } '
    + 'enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }\n'
    + 'fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }\n'
    + 'fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }';

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var status = document.getElementById('status');
  var select = document.getElementById('person');
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql';

  function mount(person, token, schema) {
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
      schema: schema || null,
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
      return fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + body.token },
        body: JSON.stringify({ query: INTROSPECTION })
      }).then(function (response) {
        return response.json();
      }).then(function (result) {
        if (!result.data) {
          throw new Error('the schema could not be read: ' + JSON.stringify(result.errors));
        }
        status.textContent = 'Logged in as ' + person + ' (token until ' + body.expiresAt + ').';
        mount(person, body.token, GraphiQL.GraphQL.buildClientSchema(result.data));
      });
    }).catch(function (error) {
      status.textContent = error.message;
      mount(null, null);
    });
  }

  select.addEventListener('change', function () { login(select.value); });
  // /graphiql?person=mette logs in at once (a link for a guide or a colleague)
  var asked = new URLSearchParams(location.search).get('person');
  if (asked) {
    select.value = asked;
    login(asked);
  } else {
    mount(null, null);
  }
})();
