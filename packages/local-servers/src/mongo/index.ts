export { installMongoJavaServer, MONGO_JAVA_SERVER_VERSION } from './mongoJavaServer';
export { startMongo, type RunningMongo, type StartMongoOptions } from './startMongo';
