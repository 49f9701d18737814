/** One invalid field of a request: where it is (JSON Pointer into the body or query) and what is wrong. */
export interface FieldError {
  pointer: string;
  field: string;
  /** Why, as a code of FIELD_ERROR_MESSAGES (or a feature's own), for the UI to pick its words. */
  code?: string;
  messages: string[];
}

/** RFC 9457 problem details, as every error of the API is returned (application/problem+json). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  /** Machine-readable reason, for the UI to pick its own words (e.g. `email_taken`). */
  code?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
