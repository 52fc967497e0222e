export { connectHost, isLoopbackHost, urlHost } from './address';
