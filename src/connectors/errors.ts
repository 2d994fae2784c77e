/**
 * The closed set of ways a connector run can fail. A run that fails is recorded with one of
 * these codes; it never turns into an empty success, because an empty list reads as a quiet day
 * to the spike detector.
 */
export const CONNECTOR_ERROR_CODES = [
  'CONFIG',
  'HTTP',
  'AUTH',
  'RATE_LIMITED',
  'TIMEOUT',
  'PARSE',
  'BLOCKED',
] as const;

export type ConnectorErrorCode = (typeof CONNECTOR_ERROR_CODES)[number];

export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  /** HTTP status when the failure came from a response. */
  readonly status?: number;
  readonly url?: string;

  constructor(
    code: ConnectorErrorCode,
    message: string,
    details: { status?: number; url?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ConnectorError';
    this.code = code;
    this.status = details.status;
    this.url = details.url;
  }
}

export function isConnectorError(error: unknown): error is ConnectorError {
  return error instanceof ConnectorError;
}
