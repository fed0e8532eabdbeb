// Typed errors with stable codes, in the manner of Bolt's CodedError: callers branch on `code`, never on messages.

export const ERROR_CODES = [
  "config_invalid",
  "input_invalid",
  "input_too_large",
  "not_found",
  "data_dir_unwritable",
  "index_corrupt",
  "index_embedder_mismatch",
  "facts_unavailable",
  "provider_error",
  "provider_timeout",
  "slack_api_error",
  "rate_limited",
  "timeout",
  "not_available",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class OrcaError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export class ConfigError extends OrcaError {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super("config_invalid", message);
  }
}

export class InputError extends OrcaError {
  constructor(message: string, code: "input_invalid" | "input_too_large" | "not_found" = "input_invalid") {
    super(code, message);
  }
}

export class DataDirError extends OrcaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super("data_dir_unwritable", message, options);
  }
}

export class ProviderError extends OrcaError {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; code?: "provider_error" | "provider_timeout" },
  ) {
    super(options?.code ?? "provider_error", message, options);
  }
}

export function isOrcaError(error: unknown): error is OrcaError {
  return error instanceof OrcaError;
}

/** Wraps anything thrown by code we do not own, once, at the edge. */
export function toOrcaError(error: unknown): OrcaError {
  if (error instanceof OrcaError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OrcaError("internal", message, { cause: error });
}
