export { installMongoJavaServer, MONGO_JAVA_SERVER_VERSION } from './mongoJavaServer';
export { mongoClient, startMongo, type RunningMongo, type StartMongoOptions } from './startMongo';
