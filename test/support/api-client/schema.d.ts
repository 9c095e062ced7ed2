/**
 * Generated from the OpenAPI document (GET /docs-json) by scripts/generate-api-client.js; do not edit.
 * Regenerate with `npm run generate:api-client`; test/openapi-contract.e2e.spec.ts fails when it is stale.
 */
export interface paths {
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics: commands, appends, conflicts, replays, projection checkpoint and lag, head position, HTTP latency */
    get: operations['MetricsController_scrape'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The policy in force: its version (named in every decision event’s metadata.policyVersion), the global numbers, and the supported markets with their currencies and overrides */
    get: operations['PolicyController_inForce'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/policy/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A policy version ever in force, with the content it was recorded with (PolicyVersionActivated) */
    get: operations['PolicyController_version'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Operational lists across shops, in shopId order, filters ANDed: status, frozen money, unlinks awaiting their code, blocked from deactivation now (an active shop with a standing blocker, in its cooling period, or with a link request still awaiting authorization). Pass nextCursor back as cursor. */
    get: operations['ShopListsController_list'];
    put?: never;
    /** Register a shop (ShopRegistered); the owner becomes its admin */
    post: operations['RegisterShopController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit business verification documents (BusinessVerificationSubmitted) */
    post: operations['VerificationController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/verification/decision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record the KYB outcome (BusinessVerified or BusinessVerificationRejected); system actors only */
    post: operations['VerificationController_decide'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Grant a member a role (AccessGranted); admins only */
    post: operations['MembersController_grant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/members/{memberId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a member's access (AccessRevoked); admins only, never the owner */
    delete: operations['MembersController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/graduation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The shop leaves probation (ShopGraduatedFromProbation); system actors only */
    post: operations['GraduationController_graduate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/links': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shop's ended links (unlinked, refused, denied, expired, cancelled), the latest word on each account, the earliest ended first; the status answer holds the current links and the last 10 ended. Pass nextCursor back as cursor. */
    get: operations['ShopStatusController_pastLinks'];
    put?: never;
    /** Request a link: AccountLinkRequested when eligible, else AccountLinkRejected answered 422 with every failed rule */
    post: operations['LinksController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/links/{accountId}/authorization': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The account owner's answer: AccountLinkAuthorized + AccountLinked, or LinkAuthorizationDenied naming missing scopes */
    post: operations['LinksController_authorize'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/links/{accountId}/cancellation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a link request still awaiting the owner (LinkRequestCancelled); the account is free of it at once. Admins; operators for marketing accounts */
    post: operations['LinksController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/links/{accountId}/authorization/expiry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Expire an authorization whose 48-hour window has passed (LinkAuthorizationExpired); system actors, e.g. a scheduler */
    post: operations['LinksController_expire'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/links/{accountId}/unlink-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Request an unlink (UnlinkRequested with its consequences). Answers requestId and the one-time 8-digit confirmationCode, valid 15 minutes, ONCE: a retry with the same Idempotency-Key answers without it */
    post: operations['UnlinkingController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/links/{accountId}/unlink-requests/{requestId}/confirmation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm with the code: AccountUnlinked (campaigns through the account terminated); a wrong code is counted, the 5th locks the request */
    post: operations['UnlinkingController_confirm'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/links/{accountId}/unlink-requests/{requestId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Cancel an unlink request (UnlinkRequestCancelled) */
    delete: operations['UnlinkingController_cancel'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/links/{accountId}/emergency-unlink': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Unlink now after a security breach: no code, never blocked; reports the incident and freezes money until it is resolved */
    post: operations['UnlinkingController_emergency'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/links/{accountId}/assisted-unlink': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A support agent (X-Actor support:<agent>) unlinks with a ticket; the usual blockers apply */
    post: operations['UnlinkingController_assisted'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/official-account/switch': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Switch the official account as one intent: the new account is judged now (the old one stays if it is ineligible) and, once its owner authorizes, the old is unlinked and the new linked in one step */
    post: operations['UnlinkingController_switchOfficial'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** An order was placed (OrderPlaced); it awaits fulfilment */
    post: operations['OrdersController_place'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/orders/{orderId}/fulfilment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The order was fulfilled (OrderFulfilled) */
    post: operations['OrdersController_fulfil'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/orders/{orderId}/cancellation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The order was cancelled (OrderCancelled) */
    post: operations['OrdersController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/credits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A settlement was credited (FundsCredited); the same settlement id again appends nothing */
    post: operations['MoneyController_credit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/withdrawals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shop's withdrawals and their state, oldest id first */
    get: operations['ShopStatusController_withdrawals'];
    put?: never;
    /** Request a withdrawal (FundsWithdrawalRequested): amount ≤ available, verified bank account, money not frozen */
    post: operations['MoneyController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/withdrawals/{withdrawalId}/completion': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The payout was confirmed (FundsWithdrawn) */
    post: operations['MoneyController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/withdrawals/{withdrawalId}/failure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The payout failed (FundsWithdrawalFailed); the money returns to available (or frozen during an incident) */
    post: operations['MoneyController_fail'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A campaign started through a linked account (CampaignStarted) */
    post: operations['CampaignsController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/campaigns/{campaignId}/end': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The campaign ended (CampaignEnded) */
    post: operations['CampaignsController_end'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/security-incidents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report an incident (SecurityIncidentReported): money is frozen; named accounts are unlinked at once */
    post: operations['SecurityIncidentsController_report'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/security-incidents/{incidentId}/resolution': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resolve an incident (SecurityIncidentResolved); money unfreezes when no incident remains open */
    post: operations['SecurityIncidentsController_resolve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/deactivation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Leave TikTok Shop (ShopDeactivated): the seller (an admin), or a support agent on the seller's behalf with the ticket (TICKET_REQUIRED without one); refused with DEACTIVATION_BLOCKED listing every blocker at once */
    post: operations['LeavingController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/reactivation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Come back (ShopReactivated); refused for good with SHOP_CLOSED once the shop is closed, and with PERSONAL_DATA_ERASED once its personal data was erased */
    post: operations['LeavingController_reactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/closure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close the shop for good (ShopClosed): the seller (an admin, with a second factor) or trust and safety (system:trust-and-safety); blocked like deactivation (CLOSURE_BLOCKED, every blocker at once); afterwards every command but erasure is refused with SHOP_CLOSED */
    post: operations['LeavingController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/links/{accountId}/enforced-unlink': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trust and safety unlinks an account for a policy violation (AccountUnlinkedForPolicyViolation, then AccountUnlinked mode enforced): no code, no money frozen, never blocked; counted in the status (enforcement.policyViolationUnlinkCount) */
    post: operations['EnforcementController_enforcedUnlink'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/restrictions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trust and safety restricts the shop (ShopRestricted): while in force, what its scope names is refused with SHOP_RESTRICTED (new link requests, campaigns) */
    post: operations['EnforcementController_restrict'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/restrictions/{restrictionId}/lifting': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Trust and safety lifts a restriction in force (ShopRestrictionLifted); RESTRICTION_NOT_FOUND otherwise */
    post: operations['EnforcementController_lift'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/after-sales-cases': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A refund, return or dispute opened on an order (AfterSalesCaseOpened); open ones block closure */
    post: operations['AfterSalesController_open'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/after-sales-cases/{caseId}/settlement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The refund, return or dispute is settled, whatever its outcome (AfterSalesCaseSettled) */
    post: operations['AfterSalesController_settle'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/personal-data/erasure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Forget the shop's personal data (PersonalDataForgotten), once it has left TikTok Shop: its encryption keys are destroyed, so account handles, owner ages and an individual seller's name read as "[erased]" everywhere, in replays, read models and exports, while the history and its hash chains stay whole. Carried out by a proven support agent (X-Actor support:<id>, with a second factor) with the ticket of the request. Refused with SHOP_NOT_DEACTIVATED while the shop is active; asked again with nothing personal recorded since, it appends nothing. */
    post: operations['PersonalDataController_forget'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shop status read model: verification, stage, links with state and reason codes, open link and unlink requests, money, orders, campaigns, and the live blockers for unlinking the official account and for deactivating */
    get: operations['ShopStatusController_status'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/accounts/{accountId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where a TikTok account is linked and how, its open requests, and its marketing relink allowance */
    get: operations['AccountController_account'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/streams/{streamId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The raw events of a stream as stored (personal fields sealed, as the hashes cover them), in revision order: revision, global position, id, type, data, metadata (with the hash chain: hash, previousHash, hashAlgorithm) and createdAt; page with fromRevision and nextRevision */
    get: operations['AuditController_rawEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/shops/{shopId}/state': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shop as it was at a moment (asOf, compared with each event's metadata.occurredAt) or at a revision, rebuilt by replaying the domain's own evolve over its stream; names the event it stopped at and the next one */
    get: operations['AuditController_stateAsOf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/shops/{shopId}/integrity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Verifies the hash chain of the shop's stream and of the account streams its links went through; 200 either way, the verdict (intact, firstProblem: altered | removed | inserted | reordered, with the revision and event id) is the answer */
    get: operations['AuditController_integrity'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/digest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A signed digest of the whole log: the position of its last event, the log hash there (one SHA-256 chain over every event in position order), the number of events, signedAt, keyId and an Ed25519 signature. Keep it: POST /v1/audit/digest/verification (or shoplink-audit verify --all --digest) later proves nothing up to it was altered, removed, reordered or re-hashed */
    get: operations['AuditController_digest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/digest-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public keys digests are signed with, by key id, as JWK (RFC 8037, OKP / Ed25519) and PEM (SPKI); `signing` marks the one new digests use. Older keys stay listed so digests signed before a rotation still verify */
    get: operations['AuditController_digestKeys'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/digest/verification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Holds a digest an auditor kept against the log as it is now, recomputed from the events (never from a stored hash): 200 with matches, signatureValid, checkedUpTo and, when it does not match, firstDifference (kind log-hash-differs | position-missing | log-ends-before, position, matchesUpTo, logEndsAt, the altered event when its own hash shows it). A digest not signed by a key of this service answers signatureValid false and concludes nothing */
    post: operations['AuditController_verifyDigest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The shop's timeline, oldest first: one entry per event with time, type, actor, calling service, reason, ids and a summary. Pass nextCursor back as cursor for the next page; pages never shift when events are appended meanwhile. nextCursor is null when nothing further matched. */
    get: operations['HistoryController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/shops/{shopId}/history/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The timeline (with the same filters) as a download, streamed: JSON Lines (one entry per line, values exact) or CSV (RFC 4180, header row, CRLF; values starting with = + - @ TAB or CR get a leading ' so spreadsheets never run them). Holds the entries up to the shop's revision when the export started. */
    get: operations['HistoryController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/feed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Catch up on the event log: events strictly after `after` (from the start when omitted), optionally of some types, oldest first. Continue with `after=nextAfter`; `caughtUp` says the answer reached the end of the log. Lean events: position, streamId, revision, id, type, data (an unlink code's hash and salt left out), occurredAt, actor, correlationId */
    get: operations['FeedController_catchUp'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/feed/stream': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Follow the event log live as Server-Sent Events: each event as `id: <position>`, `event: <type>`, `data: <the same JSON as GET /v1/feed>`; a comment every 15 s as heartbeat. A reconnecting client sends Last-Event-ID and resumes strictly after it, without loss or duplicates. A client that reads nothing for 30 s is disconnected (it resumes the same way). Each calling service may hold only a share of the streams open at once (50 by default; one more is answered 429 RATE_LIMITED with Retry-After); 503 FEED_STREAMS_EXHAUSTED with Retry-After when too many streams are open for everyone */
    get: operations['FeedController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subscriptions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every subscription with its state, cursor position and lag (never its secret) */
    get: operations['SubscriptionsController_list'];
    put?: never;
    /** Subscribe a URL to events (empty eventTypes: every type), delivered from the head of the log on. The destination is checked against SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS now and at every delivery. Answers the subscription and its signing secret, shown this once */
    post: operations['SubscriptionsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subscriptions/{subscriptionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One subscription with its state, cursor position and lag (never its secret) */
    get: operations['SubscriptionsController_get'];
    put?: never;
    post?: never;
    /** Unsubscribe: deliveries stop and the secrets are destroyed */
    delete: operations['SubscriptionsController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subscriptions/{subscriptionId}/pause': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop delivering; the cursor is kept */
    post: operations['SubscriptionsController_pause'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subscriptions/{subscriptionId}/resume': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deliver again from the kept cursor */
    post: operations['SubscriptionsController_resume'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subscriptions/{subscriptionId}/secret-rotation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new signing secret (shown once); the previous ones keep signing deliveries (one v1= each) until previousSecretValidUntil */
    post: operations['SubscriptionsController_rotate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subscriptions/{subscriptionId}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deliver again every matching event from fromPosition on (inclusive): the cursor moves back (or forward) there */
    post: operations['SubscriptionsController_replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subscriptions/{subscriptionId}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest delivery attempts, newest first (the last 500 are kept): event, attempt, outcome, status code, latency, error */
    get: operations['SubscriptionsController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subscriptions/{subscriptionId}/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Events parked after the last attempt failed, oldest first, with the payload as sent */
    get: operations['SubscriptionsController_deadLetters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/subscriptions/{subscriptionId}/dead-letters/{deliveryId}/redelivery': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a parked event again, now, once: on a 2xx it leaves the dead letters; the attempt is logged either way */
    post: operations['SubscriptionsController_redeliver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: each store reachable, and how far the projection lags (positions and seconds) */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description An event a command appended */
    RecordedEvent: {
      /** @example 0b6f2a52-2b0e-4a4e-8f41-4d1b0d2b3c11 */
      id: string;
      /** @example ShopRegistered */
      type: string;
    };
    /** @description The one error shape of every answer (errorBody in apps/api/src/http/error-body.ts); a refusal of a command recorded by the domain adds streamId, revision, position and events */
    ErrorBody: {
      /**
       * @description The HTTP status, again
       * @example 400
       */
      statusCode: number;
      /**
       * @description The HTTP reason phrase of the status
       * @example Bad Request
       */
      error: string;
      /**
       * @description A stable, machine-readable code: branch on this
       * @example VALIDATION_FAILED
       */
      code: string;
      /**
       * @description For people; may change
       * @example The request has invalid fields
       */
      message: string;
      /**
       * @description Every problem found (a bad field, a failed rule, a blocker), each with its own code
       * @example [
       *       {
       *         "field": "header.X-Actor",
       *         "code": "REQUIRED",
       *         "message": "X-Actor (<kind>:<id>) is required on every command"
       *       }
       *     ]
       */
      details: {
        [key: string]: unknown;
      }[];
      /** @description A refusal the domain records (422): the Idempotency-Key of the command */
      commandId?: string;
      /**
       * @description A refusal the domain records (422): the shop stream
       * @example shop-brand
       */
      streamId?: string;
      /** @description A refusal the domain records (422): the revision after it */
      revision?: number;
      /** @description A refusal the domain records (422): its position */
      position?: string;
      /** @description A refusal the domain records (422): the events appended, e.g. AccountLinkRejected */
      events?: components['schemas']['RecordedEvent'][];
    };
    RegisterShopRequest: {
      /**
       * @description The new shop id (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      shopId: string;
      /**
       * @description The shop name (no control, bidi or zero-width characters)
       * @example Brand Store
       */
      name: string;
      /**
       * @description ISO 3166-1 alpha-2 region code
       * @example GB
       */
      region: string;
      /**
       * @description ISO 4217 currency code
       * @example GBP
       */
      currency: string;
      /** @enum {string} */
      kind: 'individual' | 'business';
      /**
       * @description The member who owns the shop; admin from registration (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      ownerMemberId: string;
      /**
       * @description The business registration number (company number): one registration in a market, ever (BUSINESS_ALREADY_REGISTERED). Letters, digits, spaces, ".", "/", "-"; compared without spaces and punctuation, case-insensitively. Optional: shops registered before it was asked have none
       * @example SC123456
       */
      registrationNumber?: string;
    };
    /** @description A command's answer: the shop stream it was decided on, the stream's revision after it, its global position (pass it as minPosition to read your write) and the events appended (none on a retry or a no-op). Some commands add fields (an unlink request its requestId and, once, confirmationCode). */
    CommandAnswer: {
      /**
       * @description The Idempotency-Key the command was sent with
       * @example 5f0b3c7e-5d1a-4d7a-9a55-1f7c1a0e8f42
       */
      commandId: string;
      /** @example shop-brand */
      streamId: string;
      /** @example 0 */
      revision: number;
      /** @example 42 */
      position: string;
      events: components['schemas']['RecordedEvent'][];
      /** @description RequestUnlink: the unlink request id */
      requestId?: string;
      /** @description RequestUnlink: the one-time 8-digit code, in the first answer only (never on a retry) */
      confirmationCode?: string;
    };
    SubmitVerificationRequest: {
      /**
       * @description References to the legal documents, key-personnel identity and bank-account proof
       * @example [
       *       "doc:incorporation-123"
       *     ]
       */
      documents: string[];
    };
    VerificationDecisionRequest: {
      /** @enum {string} */
      outcome: 'verified' | 'rejected';
      /** @description Required when rejected: reason codes such as BANK_ACCOUNT_UNVERIFIED */
      reasons?: string[];
    };
    GrantAccessRequest: {
      /**
       * @description The member to grant a role to (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      memberId: string;
      /** @enum {string} */
      role: 'admin' | 'finance' | 'operator' | 'viewer';
    };
    AccountProfileRequest: {
      /**
       * @description TikTok handle without "@"
       * @example brand
       */
      handle: string;
      /** @enum {string} */
      kind: 'business' | 'personal';
      /** @example 5000 */
      followers: number;
      /** @example 30 */
      ownerAge: number;
      /**
       * @description ISO 3166-1 alpha-2 region code
       * @example GB
       */
      region: string;
      ecommercePermissionRevoked: boolean;
      activeGuidelineRestriction: boolean;
      recentViolations: number;
    };
    RequestLinkRequest: {
      /**
       * @description The TikTok account to link (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      accountId: string;
      /** @enum {string} */
      role: 'official' | 'marketing';
      profile: components['schemas']['AccountProfileRequest'];
      /**
       * @description Scopes the shop asks the account owner to grant
       * @example [
       *       "user.info.basic",
       *       "ads.manage"
       *     ]
       */
      requestedScopes: string[];
    };
    LinkAuthorizationRequest: {
      /** @enum {string} */
      decision: 'granted' | 'denied';
      /**
       * @description Scopes the owner granted (empty when denied)
       * @example [
       *       "user.info.basic",
       *       "ads.manage"
       *     ]
       */
      grantedScopes: string[];
      /** @description The account as the relay saw it when the owner answered. A grant is judged again against the link rules (the shop, the account's standing and, when given, this profile); ineligible, the request is closed (LinkAuthorizationDenied, ACCOUNT_INELIGIBLE) */
      profile?: components['schemas']['AccountProfileRequest'];
    };
    RequestUnlinkRequest: {
      /**
       * @description Why the account is unlinked
       * @enum {string}
       */
      reason:
        | 'business_pivot'
        | 'closure'
        | 'privacy'
        | 'security_breach'
        | 'switching_accounts'
        | 'troubleshooting'
        | 'policy_violation'
        | 'other';
    };
    ConfirmUnlinkRequest: {
      /**
       * @description The 8-digit one-time code answered when the unlink was requested
       * @example 04718265
       */
      code: string;
    };
    EmergencyUnlinkRequest: {
      /**
       * @description The security incident this unlink answers; reported (and money frozen) if new (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      incidentId: string;
      /** @description What happened (no control, bidi or zero-width characters) */
      description: string;
    };
    AssistedUnlinkRequest: {
      /**
       * @description Why the account is unlinked
       * @enum {string}
       */
      reason:
        | 'business_pivot'
        | 'closure'
        | 'privacy'
        | 'security_breach'
        | 'switching_accounts'
        | 'troubleshooting'
        | 'policy_violation'
        | 'other';
      /**
       * @description The support ticket (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      ticketId: string;
    };
    SwitchOfficialAccountRequest: {
      /**
       * @description The TikTok account to become the official account (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      accountId: string;
      profile: components['schemas']['AccountProfileRequest'];
      /**
       * @description Scopes the shop asks the new account owner to grant
       * @example [
       *       "user.info.basic",
       *       "ads.manage"
       *     ]
       */
      requestedScopes: string[];
    };
    PlaceOrderRequest: {
      /**
       * @description The order id (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      orderId: string;
      /**
       * @description The order total, in minor units of the shop's currency (e.g. pence)
       * @example 2599
       */
      amount: number;
    };
    CreditFundsRequest: {
      /**
       * @description The settlement credited; a settlement is credited once (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      settlementId: string;
      /**
       * @description The order the settlement pays for (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      orderId: string;
      /**
       * @description The amount settled, in minor units of the shop's currency (e.g. pence)
       * @example 2599
       */
      amount: number;
    };
    RequestWithdrawalRequest: {
      /**
       * @description The withdrawal id, chosen by the payout service (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      withdrawalId: string;
      /**
       * @description The amount to withdraw to the verified bank account, in minor units of the shop's currency (e.g. pence)
       * @example 2599
       */
      amount: number;
    };
    WithdrawalFailureRequest: {
      /** @description Why the payout failed (no control, bidi or zero-width characters) */
      reason: string;
    };
    StartCampaignRequest: {
      /**
       * @description The campaign id (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      campaignId: string;
      /**
       * @description The linked account the campaign runs through (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      accountId: string;
    };
    ReportSecurityIncidentRequest: {
      /**
       * @description The incident id (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      incidentId: string;
      /** @description What happened (no control, bidi or zero-width characters) */
      description: string;
      /** @description Linked accounts to unlink at once (emergency unlink) */
      unlinkAccountIds?: string[];
    };
    ResolveSecurityIncidentRequest: {
      /** @description How it was resolved (no control, bidi or zero-width characters) */
      resolution: string;
    };
    DeactivationRequest: {
      /**
       * @description The support ticket: required when a support agent deactivates on the seller's behalf, recorded in ShopDeactivated (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example TCK-1042
       */
      ticketId?: string;
    };
    ClosureRequest: {
      /**
       * @description Why the shop closes, recorded in ShopClosed (no control, bidi or zero-width characters)
       * @example The business is retiring
       */
      reason: string;
    };
    EnforcedUnlinkRequest: {
      /**
       * @description The policy violation, as trust and safety records it (no control, bidi or zero-width characters)
       * @example Counterfeit goods promoted in live streams
       */
      violation: string;
    };
    RestrictShopRequest: {
      /**
       * @description The restriction, chosen by trust and safety; used once (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      restrictionId: string;
      /**
       * @description Why the shop is restricted (no control, bidi or zero-width characters)
       * @example Repeated counterfeit listings
       */
      reason: string;
      /** @description What the restriction stops: link_requests (new link requests and switches of the official account), campaigns */
      scope: ('link_requests' | 'campaigns')[];
    };
    LiftRestrictionRequest: {
      /**
       * @description Why the restriction is lifted (no control, bidi or zero-width characters)
       * @example Appeal upheld
       */
      reason: string;
    };
    OpenAfterSalesCaseRequest: {
      /**
       * @description The refund, return or dispute id (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      caseId: string;
      /**
       * @description refund (money back), return (goods back) or dispute
       * @enum {string}
       */
      kind: 'refund' | 'return' | 'dispute';
      /**
       * @description The order it is about, recorded in this shop (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      orderId: string;
    };
    ErasureRequest: {
      /**
       * @description The support ticket of the erasure request, recorded with it (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit)
       * @example shop-1
       */
      ticketId: string;
    };
    VerificationViewSchema: {
      /** @enum {string} */
      status: 'unverified' | 'pending' | 'verified' | 'rejected';
      documents: string[];
      rejectionReasons: string[];
      /** Format: date-time */
      updatedAt: string | null;
    };
    MemberViewSchema: {
      memberId: string;
      /** @enum {string} */
      role: 'admin' | 'finance' | 'operator' | 'viewer';
    };
    /** @description How a link ended */
    UnlinkView: {
      /** @enum {string} */
      mode: 'confirmed' | 'emergency' | 'assisted' | 'switch' | 'enforced';
      /** @enum {string} */
      reason:
        | 'business_pivot'
        | 'closure'
        | 'privacy'
        | 'security_breach'
        | 'switching_accounts'
        | 'troubleshooting'
        | 'policy_violation'
        | 'other';
      /** Format: date-time */
      at: string;
      ticketId: string | null;
      incidentId: string | null;
    };
    /** @description The latest word on one account the shop asked for, with the reason codes when it failed */
    LinkView: {
      /** @example tt-official */
      accountId: string;
      /** @description TikTok handle; "[erased]" once the personal data is forgotten */
      handle: string;
      /** @enum {string} */
      role: 'official' | 'marketing';
      /** @enum {string} */
      state:
        | 'awaiting_authorization'
        | 'linked'
        | 'rejected'
        | 'authorization_denied'
        | 'authorization_expired'
        | 'request_cancelled'
        | 'request_superseded'
        | 'unlinked';
      /**
       * @example [
       *       "MARKETING_LIMIT_REACHED"
       *     ]
       */
      reasons: string[];
      requestedScopes: string[];
      grantedScopes: string[];
      /** Format: date-time */
      requestedAt: string | null;
      /** Format: date-time */
      authorizationExpiresAt: string | null;
      /** Format: date-time */
      linkedAt: string | null;
      /** @description Set by a switch of the official account while the new one awaits authorization */
      replacesAccountId: string | null;
      unlinked: components['schemas']['UnlinkView'] | null;
      /** Format: date-time */
      updatedAt: string;
    };
    /** @description Links now linked, awaiting authorization, and ended so far */
    LinkCounts: {
      linked: number;
      awaitingAuthorization: number;
      /** @description Links ended so far (unlinked, refused, denied, expired, cancelled), one per ending */
      past: number;
    };
    /** @description An unlink awaiting its code (never the code itself) */
    UnlinkRequestView: {
      requestId: string;
      accountId: string;
      /** @enum {string} */
      role: 'official' | 'marketing';
      /** @enum {string} */
      reason:
        | 'business_pivot'
        | 'closure'
        | 'privacy'
        | 'security_breach'
        | 'switching_accounts'
        | 'troubleshooting'
        | 'policy_violation'
        | 'other';
      /** Format: date-time */
      requestedAt: string;
      /** Format: date-time */
      expiresAt: string;
      failedAttempts: number;
    };
    MoneyViewSchema: {
      /** @example GBP */
      currency: string;
      /** @description Minor units */
      available: number;
      pendingWithdrawal: number;
      frozen: number;
    };
    IncidentViewSchema: {
      incidentId: string;
      description: string;
      /** Format: date-time */
      reportedAt: string;
    };
    OrdersViewSchema: {
      count: number;
      orderIds: string[];
    };
    CampaignViewSchema: {
      campaignId: string;
      accountId: string;
      /** Format: date-time */
      startedAt: string;
    };
    RestrictionViewSchema: {
      restrictionId: string;
      reason: string;
      /** @description What the restriction stops */
      scope: ('link_requests' | 'campaigns')[];
      /** Format: date-time */
      restrictedAt: string;
    };
    AfterSalesCaseViewSchema: {
      caseId: string;
      /** @enum {string} */
      kind: 'refund' | 'return' | 'dispute';
      orderId: string;
    };
    EnforcementViewSchema: {
      /** @description Accounts unlinked by trust and safety for a policy violation, ever */
      policyViolationUnlinkCount: number;
      /** @description Restrictions in force (no new link requests, no campaigns) */
      restrictions: components['schemas']['RestrictionViewSchema'][];
      /**
       * Format: date-time
       * @description When the shop was closed for good; null while it is not
       */
      closedAt: string | null;
      /** @enum {string|null} */
      closedBy: 'seller' | 'trust_and_safety' | null;
      /** @description Refunds, returns and disputes still open: they block closure */
      openAfterSalesCases: components['schemas']['AfterSalesCaseViewSchema'][];
    };
    /** @description A rule that fails, or a blocker: a stable code and words for people */
    RefusalDetail: {
      /** @example ORDERS_AWAITING_FULFILMENT */
      code: string;
      message: string;
    };
    BlockersViewSchema: {
      /** @description What blocks unlinking the official account now */
      unlinkOfficialAccount: components['schemas']['RefusalDetail'][];
      /** @description What blocks leaving TikTok Shop now */
      deactivation: components['schemas']['RefusalDetail'][];
    };
    /** @description The shop status read model, with the blockers decided at query time by the domain rules */
    ShopStatus: {
      /** @example brand */
      shopId: string;
      /** @description The shop name; "[erased]" once the personal data of an individual seller is forgotten */
      name: string;
      /** @example GB */
      region: string;
      /** @example GBP */
      currency: string;
      /** @enum {string} */
      kind: 'individual' | 'business';
      /** @enum {string} */
      stage: 'probation' | 'graduated';
      /**
       * @description closed is final
       * @enum {string}
       */
      status: 'active' | 'deactivated' | 'closed';
      verification: components['schemas']['VerificationViewSchema'];
      ownerMemberId: string;
      members: components['schemas']['MemberViewSchema'][];
      officialAccount: components['schemas']['LinkView'] | null;
      marketingAccounts: components['schemas']['LinkView'][];
      openLinkRequests: components['schemas']['LinkView'][];
      /** @description The latest word on each current link (linked, awaiting authorization) and on the 10 links that ended last, by account id; every ended link pages through GET /v1/shops/{shopId}/links?state=past */
      links: components['schemas']['LinkView'][];
      linkCounts: components['schemas']['LinkCounts'];
      hasOpenLinkRequests: boolean;
      openUnlinkRequests: components['schemas']['UnlinkRequestView'][];
      hasOpenUnlinkRequests: boolean;
      /** @description Official-account unlinks so far (the policy allows 3 ever) */
      officialUnlinkCount: number;
      money: components['schemas']['MoneyViewSchema'];
      moneyFrozen: boolean;
      openIncidents: components['schemas']['IncidentViewSchema'][];
      ordersAwaitingFulfilment: components['schemas']['OrdersViewSchema'];
      /** Format: date-time */
      lastOrderClosedAt: string | null;
      /** @description Something other than time blocks leaving */
      deactivationBlockedByState: boolean;
      /** Format: date-time */
      linkRequestsPendingUntil: string | null;
      activeCampaigns: components['schemas']['CampaignViewSchema'][];
      /** Format: date-time */
      deactivatedAt: string | null;
      /** Format: date-time */
      personalDataForgottenAt: string | null;
      enforcement: components['schemas']['EnforcementViewSchema'];
      revision: number;
      /** @example 42 */
      position: string;
      /** Format: date-time */
      registeredAt: string;
      /** Format: date-time */
      updatedAt: string;
      blockers: components['schemas']['BlockersViewSchema'];
    };
    /** @description An ended link, with the revision of the shop event that ended it */
    PastLinkView: {
      /** @example tt-official */
      accountId: string;
      /** @description TikTok handle; "[erased]" once the personal data is forgotten */
      handle: string;
      /** @enum {string} */
      role: 'official' | 'marketing';
      /** @enum {string} */
      state:
        | 'awaiting_authorization'
        | 'linked'
        | 'rejected'
        | 'authorization_denied'
        | 'authorization_expired'
        | 'request_cancelled'
        | 'request_superseded'
        | 'unlinked';
      /**
       * @example [
       *       "MARKETING_LIMIT_REACHED"
       *     ]
       */
      reasons: string[];
      requestedScopes: string[];
      grantedScopes: string[];
      /** Format: date-time */
      requestedAt: string | null;
      /** Format: date-time */
      authorizationExpiresAt: string | null;
      /** Format: date-time */
      linkedAt: string | null;
      /** @description Set by a switch of the official account while the new one awaits authorization */
      replacesAccountId: string | null;
      unlinked: components['schemas']['UnlinkView'] | null;
      /** Format: date-time */
      updatedAt: string;
      endedRevision: number;
    };
    /** @description A page of the shop's ended links, the earliest ended first */
    PastLinksPage: {
      /** @example brand */
      shopId: string;
      links: components['schemas']['PastLinkView'][];
      /** @description Pass back as cursor for the next page; null on the last page */
      nextCursor: string | null;
    };
    AccountLinkSchema: {
      /** @example brand */
      shopId: string;
      /** @enum {string} */
      role: 'official' | 'marketing';
      /** Format: date-time */
      linkedAt: string;
    };
    AccountOpenRequestSchema: {
      shopId: string;
      /** @enum {string} */
      role: 'official' | 'marketing';
      /** Format: date-time */
      requestedAt: string;
      /** Format: date-time */
      authorizationExpiresAt: string;
    };
    AccountLastUnlinkedSchema: {
      shopId: string;
      /** @enum {string} */
      role: 'official' | 'marketing';
      /** @enum {string} */
      mode: 'confirmed' | 'emergency' | 'assisted' | 'switch';
      /** @enum {string} */
      reason:
        | 'business_pivot'
        | 'closure'
        | 'privacy'
        | 'security_breach'
        | 'switching_accounts'
        | 'troubleshooting'
        | 'policy_violation'
        | 'other';
      /** Format: date-time */
      unlinkedAt: string;
    };
    MarketingLinkAllowanceSchema: {
      /** @example 180 */
      windowDays: number;
      /** @example 10 */
      limit: number;
      /** @description Marketing links inside the window */
      used: number;
      /** @description Links left before the limit */
      remaining: number;
    };
    /** @description Where a TikTok account is linked and how, its open link requests, its history and its marketing relink allowance */
    Account: {
      /** @example tt-official */
      accountId: string;
      /** @description TikTok handle; "[erased]" once the personal data is forgotten */
      handle: string;
      linkedTo: components['schemas']['AccountLinkSchema'] | null;
      openRequests: components['schemas']['AccountOpenRequestSchema'][];
      linkHistory: components['schemas']['AccountLinkSchema'][];
      /** @description Absent until the account is first unlinked */
      lastUnlinked?: components['schemas']['AccountLastUnlinkedSchema'];
      /** Format: date-time */
      updatedAt: string;
      marketingLinkAllowance: components['schemas']['MarketingLinkAllowanceSchema'];
    };
    LogDigestBody: {
      /**
       * @description Position of the last event the digest covers; null for a digest of the empty log
       * @example 42
       */
      position: string | null;
      /**
       * @description The log hash at that position: SHA-256, hexadecimal
       * @example abababababababababababababababababababababababababababababababab
       */
      logHash: string;
      /**
       * @description How many events the log held up to that position
       * @example 42
       */
      events: number;
      /**
       * @description How the log hash is computed
       * @example sha256-log-chain-v1
       */
      logHashAlgorithm: string;
      /**
       * Format: date-time
       * @description When the digest was signed (ISO 8601, UTC)
       * @example 2026-11-01T09:00:00.000Z
       */
      signedAt: string;
      /**
       * @description The key it was signed with (GET /v1/audit/digest-keys)
       * @example 20261101T090000Z-0a1b2c3d
       */
      keyId: string;
      /**
       * @description The signature algorithm
       * @example Ed25519
       * @enum {string}
       */
      algorithm: 'Ed25519';
      /**
       * @description Ed25519 signature, standard base64, over the UTF-8 of the canonical JSON (keys sorted, no whitespace) of every other field (docs/auditing.md)
       * @example bWFkZSB1cCBmb3IgdGhlIGV4YW1wbGU=
       */
      signature: string;
    };
    CreateSubscriptionRequest: {
      /**
       * @description Where deliveries are POSTed: an absolute http(s) URL without credentials, allowed by SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS
       * @example https://hooks.storefront.example.com/shoplink
       */
      url: string;
      /**
       * @description Event types to deliver; empty: every type
       * @example [
       *       "AccountLinked",
       *       "AccountUnlinked"
       *     ]
       */
      eventTypes: (
        | 'ShopRegistered'
        | 'BusinessVerificationSubmitted'
        | 'BusinessVerified'
        | 'BusinessVerificationRejected'
        | 'AccessGranted'
        | 'AccessRevoked'
        | 'ShopGraduatedFromProbation'
        | 'AccountLinkRequested'
        | 'AccountLinkRejected'
        | 'AccountLinkAuthorized'
        | 'AccountLinked'
        | 'LinkAuthorizationDenied'
        | 'LinkAuthorizationExpired'
        | 'LinkRequestCancelled'
        | 'LinkRequestSuperseded'
        | 'UnlinkRequested'
        | 'UnlinkConfirmationFailed'
        | 'UnlinkRequestLocked'
        | 'UnlinkRequestCancelled'
        | 'UnlinkRequestExpired'
        | 'AccountUnlinked'
        | 'FundsCredited'
        | 'FundsWithdrawalRequested'
        | 'FundsWithdrawn'
        | 'FundsWithdrawalFailed'
        | 'FundsFrozen'
        | 'FundsUnfrozen'
        | 'OrderPlaced'
        | 'OrderFulfilled'
        | 'OrderCancelled'
        | 'CampaignStarted'
        | 'CampaignEnded'
        | 'CampaignTerminated'
        | 'SecurityIncidentReported'
        | 'SecurityIncidentResolved'
        | 'ShopDeactivated'
        | 'ShopReactivated'
        | 'PersonalDataForgotten'
        | 'AccountUnlinkedForPolicyViolation'
        | 'ShopRestricted'
        | 'ShopRestrictionLifted'
        | 'ShopClosed'
        | 'AfterSalesCaseOpened'
        | 'AfterSalesCaseSettled'
        | 'AccountClaimed'
        | 'AccountReleased'
        | 'BusinessRegistrationClaimed'
        | 'BusinessRegistrationReleased'
      )[];
      /**
       * @description What the subscription is for (no control, bidi or zero-width characters)
       * @example storefront showcase: hide unlinked shops
       */
      description: string;
    };
    SecretRotationRequest: {
      /** @description Seconds the old secret still signs deliveries; default SHOPLINK_WEBHOOK_SECRET_GRACE_SECONDS */
      graceSeconds?: number;
    };
    ReplayRequest: {
      /**
       * @description Deliver again every matching event from this log position on (inclusive); "0": from the start
       * @example 0
       */
      fromPosition: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: {
    /** @description The request's correlation id: the one sent, or one generated; every log line and event of the request names it */
    'X-Correlation-Id': string;
    /** @description Requests the calling service may make per window, across all routes */
    'X-RateLimit-Limit': number;
    /** @description Requests left in the current window */
    'X-RateLimit-Remaining': number;
    /** @description Seconds until the window starts afresh */
    'X-RateLimit-Reset': number;
    /** @description Seconds to wait before trying again */
    'Retry-After': number;
  };
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  MetricsController_scrape: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The Prometheus text format */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant metrics:read (Prometheus metrics at /metrics (operators scrape with a bearer token)) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  PolicyController_inForce: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description version, contentHash (SHA-256 of the canonical JSON of policy), inForce, activatedAt [each time it came into force], policy { version, defaults { every number }, markets { REGION: { currency, overrides } } } */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant shops:read (shop status, operational lists, withdrawals, where an account is linked) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  PolicyController_version: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description A policy version (1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit) */
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description version, contentHash (SHA-256 of the canonical JSON of policy), inForce, activatedAt [each time it came into force], policy { version, defaults { every number }, markets { REGION: { currency, overrides } } } */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant shops:read (shop status, operational lists, withdrawals, where an account is linked) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description POLICY_VERSION_NOT_FOUND: no such version was ever in force */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  ShopListsController_list: {
    parameters: {
      query?: {
        /** @description A command answer's `position`: wait (bounded) until the read model includes it; 503 READ_MODEL_BEHIND if it does not in time */
        minPosition?: string;
        /** @description The nextCursor of the previous page, as it was given (opaque) */
        cursor?: string;
        /** @description Shops per page, 1..500 (default 100) */
        limit?: number;
        /** @description Blocked from deactivation now; either value lists active shops only */
        blocked?: 'true' | 'false';
        /** @description An unlink request awaits its confirmation code */
        awaitingConfirmation?: 'true' | 'false';
        /** @description Money frozen by an open security incident */
        frozen?: 'true' | 'false';
        status?: 'active' | 'deactivated' | 'closed';
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of shops: shops [shop summaries], nextCursor (null on the last page) */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant shops:read (shop status, operational lists, withdrawals, where an account is linked) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description READ_MODEL_BEHIND: the read model did not reach minPosition in time; see Retry-After */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  RegisterShopController_register: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterShopRequest'];
      };
    };
    responses: {
      /** @description Created: the events appended */
      201: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  VerificationController_submit: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmitVerificationRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  VerificationController_decide: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['VerificationDecisionRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  MembersController_grant: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GrantAccessRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  MembersController_revoke: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example m-17
         */
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  GraduationController_graduate: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  ShopStatusController_pastLinks: {
    parameters: {
      query: {
        /** @description A command answer's `position`: wait (bounded) until the read model includes it; 503 READ_MODEL_BEHIND if it does not in time */
        minPosition?: string;
        /** @description The nextCursor of the previous page, as it was given (opaque) */
        cursor?: string;
        /** @description Links per page, 1..500 (default 100) */
        limit?: number;
        state: 'past';
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of ended links */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PastLinksPage'];
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant shops:read (shop status, operational lists, withdrawals, where an account is linked) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description READ_MODEL_BEHIND: the read model did not reach minPosition in time; see Retry-After */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  LinksController_request: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestLinkRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  LinksController_authorize: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example tt-official
         */
        accountId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LinkAuthorizationRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  LinksController_cancel: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example tt-official
         */
        accountId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  LinksController_expire: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example tt-official
         */
        accountId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  UnlinkingController_request: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example tt-official
         */
        accountId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestUnlinkRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  UnlinkingController_confirm: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example tt-official
         */
        accountId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example ur-1
         */
        requestId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmUnlinkRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  UnlinkingController_cancel: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example tt-official
         */
        accountId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example ur-1
         */
        requestId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  UnlinkingController_emergency: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example tt-official
         */
        accountId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EmergencyUnlinkRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion)
       *
       *     UNAUTHENTICATED: no service token, or one that is not valid
       */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed)
       *
       *     FORBIDDEN_SCOPE: the token does not grant security:write (security incidents: report (freezes money) and resolve)
       */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  UnlinkingController_assisted: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example tt-official
         */
        accountId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssistedUnlinkRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion)
       *
       *     UNAUTHENTICATED: no service token, or one that is not valid
       */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /**
       * @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed)
       *
       *     FORBIDDEN_SCOPE: the token does not grant support:write (support-assisted unlinks (with a ticket))
       */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  UnlinkingController_switchOfficial: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SwitchOfficialAccountRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  OrdersController_place: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PlaceOrderRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  OrdersController_fulfil: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example o-1
         */
        orderId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  OrdersController_cancel: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example o-1
         */
        orderId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  MoneyController_credit: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreditFundsRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  ShopStatusController_withdrawals: {
    parameters: {
      query?: {
        /** @description A command answer's `position`: wait (bounded) until the read model includes it; 503 READ_MODEL_BEHIND if it does not in time */
        minPosition?: string;
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The shop's withdrawals: shopId, withdrawals [{ withdrawalId, amount, state, ... }], position */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant shops:read (shop status, operational lists, withdrawals, where an account is linked) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description READ_MODEL_BEHIND: the read model did not reach minPosition in time; see Retry-After */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  MoneyController_withdraw: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestWithdrawalRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  MoneyController_complete: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example wd-1
         */
        withdrawalId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  MoneyController_fail: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example wd-1
         */
        withdrawalId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WithdrawalFailureRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  CampaignsController_start: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartCampaignRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  CampaignsController_end: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example c-1
         */
        campaignId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SecurityIncidentsController_report: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportSecurityIncidentRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SecurityIncidentsController_resolve: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example inc-1
         */
        incidentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveSecurityIncidentRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  LeavingController_deactivate: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['DeactivationRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  LeavingController_reactivate: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  LeavingController_close: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ClosureRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  EnforcementController_enforcedUnlink: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example tt-official
         */
        accountId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['EnforcedUnlinkRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  EnforcementController_restrict: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RestrictShopRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  EnforcementController_lift: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        restrictionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LiftRestrictionRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  AfterSalesController_open: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OpenAfterSalesCaseRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  AfterSalesController_settle: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        caseId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  PersonalDataController_forget: {
    parameters: {
      query?: never;
      header: {
        /** @description The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing */
        'Idempotency-Key': string;
        /** @description member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        'X-Actor': string;
        /** @description Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes */
        'X-Actor-Assertion'?: string;
        /** @description Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-" */
        'X-Correlation-Id'?: string;
        /** @description The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT */
        'If-Match'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ErasureRequest'];
      };
    };
    responses: {
      /** @description Accepted: the events appended (none on a retry or a no-op) */
      200: {
        headers: {
          /** @description true when this is the first answer to the same Idempotency-Key, replayed */
          'Idempotent-Replayed'?: 'true';
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandAnswer'];
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion) */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND and other missing things */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description CONCURRENCY_CONFLICT (safe to retry) or a state conflict */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: the body is larger than the service accepts */
      413: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json */
      415: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request */
      422: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  ShopStatusController_status: {
    parameters: {
      query?: {
        /** @description A command answer's `position`: wait (bounded) until the read model includes it; 503 READ_MODEL_BEHIND if it does not in time */
        minPosition?: string;
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The shop status */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ShopStatus'];
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant shops:read (shop status, operational lists, withdrawals, where an account is linked) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description READ_MODEL_BEHIND: the read model did not reach minPosition in time; see Retry-After */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  AccountController_account: {
    parameters: {
      query?: {
        /** @description A command answer's `position`: wait (bounded) until the read model includes it; 503 READ_MODEL_BEHIND if it does not in time */
        minPosition?: string;
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example tt-official
         */
        accountId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The account */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Account'];
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant shops:read (shop status, operational lists, withdrawals, where an account is linked) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description ACCOUNT_NOT_FOUND: no link or request ever named this account */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description READ_MODEL_BEHIND: the read model did not reach minPosition in time; see Retry-After */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  AuditController_rawEvents: {
    parameters: {
      query?: {
        /** @description Events per page, 1..1000 (default 100) */
        limit?: number;
        /** @description First revision (inclusive), default 0 */
        fromRevision?: number;
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description <category>-<id>, e.g. shop-brand or account-tt-1: a lower-case category, "-", then an id of 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        streamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description streamId, events [{ revision, position, id, type, data, metadata, createdAt }], nextRevision (null at the end) */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant audit:read (history, exports, raw events, state as of a moment, integrity checks) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description STREAM_NOT_FOUND: no event in that stream */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  AuditController_stateAsOf: {
    parameters: {
      query?: {
        /** @description A stream revision (inclusive); exactly one of asOf and revision */
        revision?: number;
        /** @description an ISO 8601 date-time with a time zone, e.g. 2026-11-01T09:00:00Z; exactly one of asOf and revision */
        asOf?: string;
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description shopId, streamId, asOf or revision, stoppedAt, nextEvent, eventsApplied, lastRevision, state, integrity { intact, checkedThrough, firstProblem } and warnings (a state rebuilt from altered events is answered, flagged) */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant audit:read (history, exports, raw events, state as of a moment, integrity checks) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description STREAM_INTEGRITY_BROKEN: an event before the point asked was removed from the stream (no such state existed) */
      409: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  AuditController_integrity: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The verdict: intact, and when not, firstProblem (altered | removed | inserted | reordered) with the revision and event id */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant audit:read (history, exports, raw events, state as of a moment, integrity checks) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SHOP_NOT_FOUND */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  AuditController_digest: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description position, logHash, events, logHashAlgorithm, signedAt, keyId, algorithm (Ed25519), signature (base64) */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant audit:read (history, exports, raw events, state as of a moment, integrity checks) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  AuditController_digestKeys: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description keys [{ keyId, algorithm, jwk { kty, crv, x, kid }, publicKeyPem, signing }] */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant audit:read (history, exports, raw events, state as of a moment, integrity checks) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  AuditController_verifyDigest: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LogDigestBody'];
      };
    };
    responses: {
      /** @description matches, signatureValid (with signatureProblem unknown-key | unsupported-algorithm | bad-signature when false), keyId, position, checkedUpTo, recomputed { position, logHash, events }, firstDifference { kind, position, matchesUpTo, logEndsAt?, alteredEvent?, message }, anchorsConsulted, message */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: the body is not a digest; every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant audit:read (history, exports, raw events, state as of a moment, integrity checks) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  HistoryController_history: {
    parameters: {
      query?: {
        /** @description The nextCursor of the previous page, as it was given (opaque) */
        cursor?: string;
        /** @description Entries per page, 1..500 (default 100) */
        limit?: number;
        /** @description Event types, comma-separated, any of: ShopRegistered, BusinessVerificationSubmitted, BusinessVerified, BusinessVerificationRejected, AccessGranted, AccessRevoked, ShopGraduatedFromProbation, AccountLinkRequested, AccountLinkRejected, AccountLinkAuthorized, AccountLinked, LinkAuthorizationDenied, LinkAuthorizationExpired, LinkRequestCancelled, LinkRequestSuperseded, UnlinkRequested, UnlinkConfirmationFailed, UnlinkRequestLocked, UnlinkRequestCancelled, UnlinkRequestExpired, AccountUnlinked, FundsCredited, FundsWithdrawalRequested, FundsWithdrawn, FundsWithdrawalFailed, FundsFrozen, FundsUnfrozen, OrderPlaced, OrderFulfilled, OrderCancelled, CampaignStarted, CampaignEnded, CampaignTerminated, SecurityIncidentReported, SecurityIncidentResolved, ShopDeactivated, ShopReactivated, PersonalDataForgotten, AccountUnlinkedForPolicyViolation, ShopRestricted, ShopRestrictionLifted, ShopClosed, AfterSalesCaseOpened, AfterSalesCaseSettled */
        type?: string;
        /** @description Entries that occurred at or after this time (inclusive); ISO-8601 with Z or an offset, or a date (UTC midnight) */
        from?: string;
        /** @description Entries that occurred before this time (exclusive); same format as from */
        to?: string;
        /** @description Only what this actor did, e.g. member:m-17 */
        actor?: string;
        /** @description A command answer's `position`: wait (bounded) until the read model includes it; 503 READ_MODEL_BEHIND if it does not in time */
        minPosition?: string;
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the timeline: shopId, entries [timeline entries], nextCursor (null when nothing further matched) */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant audit:read (history, exports, raw events, state as of a moment, integrity checks) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description READ_MODEL_BEHIND: the read model did not reach minPosition in time; see Retry-After */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  HistoryController_export: {
    parameters: {
      query: {
        /** @description Event types, comma-separated, any of: ShopRegistered, BusinessVerificationSubmitted, BusinessVerified, BusinessVerificationRejected, AccessGranted, AccessRevoked, ShopGraduatedFromProbation, AccountLinkRequested, AccountLinkRejected, AccountLinkAuthorized, AccountLinked, LinkAuthorizationDenied, LinkAuthorizationExpired, LinkRequestCancelled, LinkRequestSuperseded, UnlinkRequested, UnlinkConfirmationFailed, UnlinkRequestLocked, UnlinkRequestCancelled, UnlinkRequestExpired, AccountUnlinked, FundsCredited, FundsWithdrawalRequested, FundsWithdrawn, FundsWithdrawalFailed, FundsFrozen, FundsUnfrozen, OrderPlaced, OrderFulfilled, OrderCancelled, CampaignStarted, CampaignEnded, CampaignTerminated, SecurityIncidentReported, SecurityIncidentResolved, ShopDeactivated, ShopReactivated, PersonalDataForgotten, AccountUnlinkedForPolicyViolation, ShopRestricted, ShopRestrictionLifted, ShopClosed, AfterSalesCaseOpened, AfterSalesCaseSettled */
        type?: string;
        /** @description Entries that occurred at or after this time (inclusive); ISO-8601 with Z or an offset, or a date (UTC midnight) */
        from?: string;
        /** @description Entries that occurred before this time (exclusive); same format as from */
        to?: string;
        /** @description Only what this actor did, e.g. member:m-17 */
        actor?: string;
        /** @description A command answer's `position`: wait (bounded) until the read model includes it; 503 READ_MODEL_BEHIND if it does not in time */
        minPosition?: string;
        /** @description JSON Lines or CSV */
        format: 'jsonl' | 'csv';
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /**
         * @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit
         * @example brand
         */
        shopId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The timeline as a download (Content-Disposition: attachment) */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/x-ndjson': string;
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/x-ndjson': components['schemas']['ErrorBody'];
          'text/csv': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant audit:read (history, exports, raw events, state as of a moment, integrity checks) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description READ_MODEL_BEHIND: the read model did not reach minPosition in time; see Retry-After */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/x-ndjson': components['schemas']['ErrorBody'];
          'text/csv': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  FeedController_catchUp: {
    parameters: {
      query?: {
        /** @description Events per page, 1..1000 (default 100) */
        limit?: number;
        /** @description Only these event types, comma-separated (or the parameter repeated): ShopRegistered, BusinessVerificationSubmitted, BusinessVerified, BusinessVerificationRejected, AccessGranted, AccessRevoked, ShopGraduatedFromProbation, AccountLinkRequested, AccountLinkRejected, AccountLinkAuthorized, AccountLinked, LinkAuthorizationDenied, LinkAuthorizationExpired, LinkRequestCancelled, LinkRequestSuperseded, UnlinkRequested, UnlinkConfirmationFailed, UnlinkRequestLocked, UnlinkRequestCancelled, UnlinkRequestExpired, AccountUnlinked, FundsCredited, FundsWithdrawalRequested, FundsWithdrawn, FundsWithdrawalFailed, FundsFrozen, FundsUnfrozen, OrderPlaced, OrderFulfilled, OrderCancelled, CampaignStarted, CampaignEnded, CampaignTerminated, SecurityIncidentReported, SecurityIncidentResolved, ShopDeactivated, ShopReactivated, PersonalDataForgotten, AccountUnlinkedForPolicyViolation, ShopRestricted, ShopRestrictionLifted, ShopClosed, AfterSalesCaseOpened, AfterSalesCaseSettled, AccountClaimed, AccountReleased, BusinessRegistrationClaimed, BusinessRegistrationReleased */
        types?: string;
        /** @description A position from an earlier answer (exclusive) */
        after?: string;
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description events [{ position, streamId, revision, id, type, data, occurredAt, actor, correlationId }], nextAfter, caughtUp */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant feed:read (the event feed (catch-up and live), for services that react to what happens) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  FeedController_stream: {
    parameters: {
      query?: {
        /** @description Only these event types, comma-separated (or the parameter repeated): ShopRegistered, BusinessVerificationSubmitted, BusinessVerified, BusinessVerificationRejected, AccessGranted, AccessRevoked, ShopGraduatedFromProbation, AccountLinkRequested, AccountLinkRejected, AccountLinkAuthorized, AccountLinked, LinkAuthorizationDenied, LinkAuthorizationExpired, LinkRequestCancelled, LinkRequestSuperseded, UnlinkRequested, UnlinkConfirmationFailed, UnlinkRequestLocked, UnlinkRequestCancelled, UnlinkRequestExpired, AccountUnlinked, FundsCredited, FundsWithdrawalRequested, FundsWithdrawn, FundsWithdrawalFailed, FundsFrozen, FundsUnfrozen, OrderPlaced, OrderFulfilled, OrderCancelled, CampaignStarted, CampaignEnded, CampaignTerminated, SecurityIncidentReported, SecurityIncidentResolved, ShopDeactivated, ShopReactivated, PersonalDataForgotten, AccountUnlinkedForPolicyViolation, ShopRestricted, ShopRestrictionLifted, ShopClosed, AfterSalesCaseOpened, AfterSalesCaseSettled, AccountClaimed, AccountReleased, BusinessRegistrationClaimed, BusinessRegistrationReleased */
        types?: string;
        /** @description Start strictly after this position (from the start when omitted); Last-Event-ID wins */
        after?: string;
      };
      header?: {
        /** @description Sent by an EventSource when it reconnects: the id of the last event it received */
        'Last-Event-ID'?: string;
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The event stream */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': string;
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant feed:read (the event feed (catch-up and live), for services that react to what happens) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FEED_STREAMS_EXHAUSTED: too many streams are open for everyone; see Retry-After */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'text/event-stream': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_list: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description subscriptions [{ subscriptionId, url, eventTypes, description, state, createdAt, cursorPosition, headPosition, lagSeconds, failing, secretsValid }] */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:read (subscriptions, their delivery attempts and dead letters) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateSubscriptionRequest'];
      };
    };
    responses: {
      /** @description subscriptionId, secret (shown once), subscription */
      201: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad field named; DESTINATION_NOT_ALLOWED names the url */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:write (subscribe to pushed events (webhooks): create, pause, resume, rotate the secret, replay, redeliver, unsubscribe) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description subscriptionId, url, eventTypes, description, state, createdAt, cursorPosition, headPosition, lagSeconds, failing, secretsValid */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:read (subscriptions, their delivery attempts and dead letters) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SUBSCRIPTION_NOT_FOUND: no such subscription (or dead letter) */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_remove: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Unsubscribed */
      204: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:write (subscribe to pushed events (webhooks): create, pause, resume, rotate the secret, replay, redeliver, unsubscribe) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SUBSCRIPTION_NOT_FOUND: no such subscription (or dead letter) */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_pause: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the subscription */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:write (subscribe to pushed events (webhooks): create, pause, resume, rotate the secret, replay, redeliver, unsubscribe) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SUBSCRIPTION_NOT_FOUND: no such subscription (or dead letter) */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_resume: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the subscription */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:write (subscribe to pushed events (webhooks): create, pause, resume, rotate the secret, replay, redeliver, unsubscribe) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SUBSCRIPTION_NOT_FOUND: no such subscription (or dead letter) */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_rotate: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        'application/json': components['schemas']['SecretRotationRequest'];
      };
    };
    responses: {
      /** @description secret, previousSecretValidUntil, subscription */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:write (subscribe to pushed events (webhooks): create, pause, resume, rotate the secret, replay, redeliver, unsubscribe) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SUBSCRIPTION_NOT_FOUND: no such subscription (or dead letter) */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_replay: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReplayRequest'];
      };
    };
    responses: {
      /** @description the subscription */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:write (subscribe to pushed events (webhooks): create, pause, resume, rotate the secret, replay, redeliver, unsubscribe) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SUBSCRIPTION_NOT_FOUND: no such subscription (or dead letter) */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_deliveries: {
    parameters: {
      query?: {
        /** @description At most this many (1-500, default 100) */
        limit?: number;
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deliveries [{ seq, eventId, eventType, streamId, position, attempt, at, outcome, statusCode, latencyMs, error }] */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:read (subscriptions, their delivery attempts and dead letters) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SUBSCRIPTION_NOT_FOUND: no such subscription (or dead letter) */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_deadLetters: {
    parameters: {
      query?: {
        /** @description At most this many (1-500, default 100) */
        limit?: number;
      };
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deadLetters [{ deliveryId, parkedAt, attempts, lastError, lastStatusCode, payload }] */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad path id or query parameter named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:read (subscriptions, their delivery attempts and dead letters) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SUBSCRIPTION_NOT_FOUND: no such subscription (or dead letter) */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  SubscriptionsController_redeliver: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path: {
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        subscriptionId: string;
        /** @description 1-64 characters: letters, digits, ".", "_", "-"; starting with a letter or digit */
        deliveryId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description deliveryId, outcome (delivered | failed), statusCode, error */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description VALIDATION_FAILED: every bad field named in details */
      400: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description UNAUTHENTICATED: no service token, or one that is not valid */
      401: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description FORBIDDEN_SCOPE: the token does not grant subscriptions:write (subscribe to pushed events (webhooks): create, pause, resume, rotate the secret, replay, redeliver, unsubscribe) */
      403: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description SUBSCRIPTION_NOT_FOUND: no such subscription (or dead letter) */
      404: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
      /** @description RATE_LIMITED: too many requests from this calling service, or from this address without a valid token; see Retry-After */
      429: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'X-RateLimit-Limit': components['headers']['X-RateLimit-Limit'];
          'X-RateLimit-Remaining': components['headers']['X-RateLimit-Remaining'];
          'X-RateLimit-Reset': components['headers']['X-RateLimit-Reset'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorBody'];
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alive */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            status?: 'ok';
          };
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: {
        /** @description Names the request in the logs and is echoed on the answer; one is generated when absent or not of this format */
        'X-Correlation-Id'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready: status, eventStore, readStore, projection { checkpoint, lagPositions, lagSeconds, caughtUp } */
      200: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description Not ready: the same body, naming the store that is down or the conditions raised against it (`conditions`) */
      503: {
        headers: {
          'X-Correlation-Id': components['headers']['X-Correlation-Id'];
          'Retry-After': components['headers']['Retry-After'];
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
    };
  };
}
