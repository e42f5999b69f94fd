export { refuseSubscriptionsOverHttp } from './refuseOverHttp';
export { CloseCode, defaultSubscriptionSettings, type SubscriptionSettings } from './settings';
export { SubscriptionHub, type ExecuteAs } from './SubscriptionHub';
export { ConnectionsPerAddress, graphqlSseMiddleware, serveGraphqlWs } from './transports';
export { SubscriptionPreparer } from './prepare';
