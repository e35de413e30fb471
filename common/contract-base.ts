// The contract's foundation: error codes, the result envelope, and the small shapes every domain
// of the contract shares (channel pairs, secret hints, tenant ids, callback URLs).
import { z } from './zod';
import { callbackUrlFieldProblem } from './field-rules';

// ── Errors and the envelope ────────────────────────────────────────────────────────────────
export const errorCodes = [
  'invalid_input',
  'unknown_channel',
  'forbidden_sender',
  'internal',
  'keychain_unavailable',
  'keychain_locked',
  'keychain_write_refused',
  'metadata_unreadable',
  'no_active_tenant',
  'tenant_not_found',
  'tenant_exists',
  'oauth_app_not_found',
  'flow_pending',
  'insecure_url',
  'platform_bad_request',
  'platform_unauthorized',
  'platform_forbidden',
  'platform_not_found',
  'platform_conflict',
  'platform_unsupported_media',
  'platform_server_error',
  /** The platform answered, but not in the shape its API defines: nothing of the answer was used. */
  'platform_bad_answer',
  'platform_unreachable',
  'timeout',
  'response_lost',
  /** A new POST of a name whose last POST lost its answer: the instance may exist already. */
  'possible_duplicate',
  'consent_denied',
  'state_mismatch',
  'code_expired',
  'invalid_callback',
  'no_pending_flow',
  'cancelled',
  'instance_not_found',
  'confirmation_mismatch',
  'secret_missing',
  'metadata_unwritable',
  'oauth_app_exists',
  'export_unwritable',
  'tenant_refused',
  'name_ambiguous',
  'proxy_refused',
  'proxy_unreachable',
  'tls_untrusted',
  'settings_unwritable',
  'health_running',
  /** A tenant's team password store (pass) cannot be used: tool missing, store not initialised, … */
  'team_store_unavailable',
  /** This computer's key cannot decrypt (or encrypt for) the store's entries. */
  'team_store_not_recipient',
  'team_store_locked',
  'team_store_conflict',
  'team_store_sync_failed',
] as const;
export const ErrorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.optional(
    z.object({
      status: z.optional(z.number()),
      requestId: z.optional(z.string()),
      platformMessage: z.optional(z.string()),
      providerMessage: z.optional(z.string()),
      vendorError: z.optional(z.string()),
      vendorErrorDescription: z.optional(z.string()),
      /** How long the platform asked us to wait (Retry-After on 429 and 503), in ms. */
      retryAfterMs: z.optional(z.number()),
    }),
  ),
});
export type AppError = z.infer<typeof AppErrorSchema>;
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const none = z.undefined();
export const channel = <I extends z.ZodMiniType, O extends z.ZodMiniType>(input: I, output: O) => ({
  input,
  output,
});

// ── Shared shapes ───────────────────────────────────────────────────────────────────────────
/** A masked hint of a secret, e.g. "••••EHU=": the renderer never sees more. */
export const SecretHint = z.string();
/** A refinement from a rule (common/field-rules.ts, common/urls.ts): its sentence becomes the issue's message. */
export const ruled =
  <T>(problem: (value: T) => string | null) =>
  (value: T, context: z.core.$RefinementCtx<T>) => {
    const message = problem(value);
    if (message) context.addIssue({ code: 'custom', message });
  };

/** A secret typed by the user: main stores it in the keychain and never sends it back. */
export const SecretInput = z.string().check(z.trim(), z.maxLength(2000));
export const TenantId = z.string().check(z.minLength(1), z.maxLength(100));
export const InstanceId = z.int().check(z.positive());
/** Where the vendor sends the user back: https, loopback http or element-auth://; checked in main. */
export const CallbackUrl = z.string().check(z.trim(), z.superRefine(ruled(callbackUrlFieldProblem)));
