/** Every API route lives under this prefix; versioned routes add /v1 and so on. */
export const API_PREFIX = 'api';
export const API_ROUTES = {
  health: `/${API_PREFIX}/health`,
  docs: `/${API_PREFIX}/docs`,
} as const;
/** Header carrying the request id, echoed on every response and in every log line. */
export const REQUEST_ID_HEADER = 'x-request-id';
