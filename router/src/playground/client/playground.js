/*
 * The Shelfmark playground (router/src/playground, docs/adr/0015-offline-playground.md): GraphiQL
 * over this router's /graphql, queries and mutations over HTTP, subscriptions over graphql-ws on
 * the same path. Everything it loads is served by the router from npm packages (React, ReactDOM,
 * GraphiQL, graphql-ws's browser client), so it needs no network beyond this server. Plain
 * browser script, no build step.
 */
(function () {
  'use strict';

  // GraphiQL's dialogs add <style> elements (react-style-singleton); they carry this nonce, the
  // one the page's Content-Security-Policy allows for styles, so no 'unsafe-inline' is needed.
  window.__webpack_nonce__ = document.currentScript.nonce;

  var config = JSON.parse(document.getElementById('playground-config').textContent);
  var endpoint = new URL(config.endpoint, window.location.href);
  var webSocketUrl = new URL(endpoint.href);
  webSocketUrl.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

  var overHttp = window.GraphiQL.createFetcher({
    url: endpoint.href,
    // The gateway answers @defer/@stream with one result anyway.
    enableIncrementalDelivery: false,
  });

  /**
   * Every operation goes with the headers editor's headers: as HTTP headers, and for a
   * subscription as the WebSocket's connectionParams. The router reads
   * connectionParams.authorization, so names are lower-cased: "Authorization" works as well.
   */
  function fetcher(params, options) {
    var headers = {};
    var given = (options && options.headers) || {};
    Object.keys(given).forEach(function (name) {
      headers[name.toLowerCase()] = given[name];
    });
    if (isSubscription(params, options)) return overWebSocket(params, headers);
    return overHttp(params, Object.assign({}, options, { headers: headers }));
  }

  function isSubscription(params, options) {
    var document = options && options.documentAST;
    if (!document) return false;
    return document.definitions.some(function (definition) {
      return (
        definition.kind === 'OperationDefinition' &&
        definition.operation === 'subscription' &&
        (!params.operationName || (definition.name && definition.name.value === params.operationName))
      );
    });
  }

  /**
   * One graphql-ws connection per subscription, authenticated with its headers. GraphiQL's own
   * WebSocket fetcher retries a refused connection five times with back-off (half a minute of
   * nothing for a bad token); this one does not retry, and shows why the router closed it.
   */
  function overWebSocket(params, headers) {
    return {
      subscribe: function (observer) {
        var client = window.graphqlWs.createClient({
          url: webSocketUrl.href,
          connectionParams: headers,
          retryAttempts: 0,
        });
        var end = function () {
          void client.dispose();
        };
        var stop = client.subscribe(
          { query: params.query, variables: params.variables, operationName: params.operationName },
          {
            next: function (result) {
              observer.next(result);
            },
            error: function (error) {
              observer.next({ errors: describe(error) });
              observer.complete();
              end();
            },
            complete: function () {
              observer.complete();
              end();
            },
          },
        );
        return {
          unsubscribe: function () {
            stop();
            end();
          },
        };
      },
    };
  }

  /** What went wrong, as GraphQL errors the result pane shows. */
  function describe(error) {
    if (Array.isArray(error)) return error;
    if (error && typeof error.code === 'number') {
      var reason = error.reason || 'The WebSocket closed.';
      return [{ message: reason, extensions: { closeCode: error.code } }];
    }
    if (error instanceof Error) return [{ message: error.message }];
    return [{ message: 'The WebSocket connection to ' + webSocketUrl.href + ' failed.' }];
  }

  var root = document.getElementById('graphiql');
  window.ReactDOM.createRoot(root).render(
    window.React.createElement(window.GraphiQL, {
      fetcher: fetcher,
      defaultTabs: config.tabs,
      defaultHeaders: config.defaultHeaders,
      defaultEditorToolsVisibility: 'headers',
      // Tokens stay out of localStorage: a reload asks for the token again.
      shouldPersistHeaders: false,
    }),
  );
})();
