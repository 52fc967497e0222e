export { ApiError, CLIENT_ERROR_CODES, isApiError, postKms, requestJson } from './http';
export { operatorToken } from './operator-token';
