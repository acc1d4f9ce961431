// Generated from the API's OpenAPI document (GET /api/v1/openapi.json) by scripts/gen-api-types.ts:
// do not edit. After changing a route's schemas run `npm run gen:api` (node --import tsx
// scripts/gen-api-types.ts); tests/integration/api-types.test.ts fails while this file is stale.

export interface paths {
  "/api/v1/openapi.json": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This OpenAPI document
     * @description Works before setup and without a session.
     */
    get: operations["getOpenApiDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/site": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The site's name, currency and whether setup is still needed
     * @description Works before setup.
     */
    get: operations["getSite"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/setup": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Create the first admin and name the site
     * @description Needs the one-time token the server printed at its first start.
     */
    post: operations["completeSetup"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/signup": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a fan account and log in (a link to confirm the address is mailed) */
    post: operations["signup"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/login": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Log in with email and password
     * @description With two-factor sign-in on, a right password answers `{twoFactorRequired: true, challenge}` and no session (no token, no cookie): send the challenge with a code to `POST /auth/login/2fa`.
     */
    post: operations["login"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/login/2fa": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** The second step of a two-factor log-in: a code of the app, or a recovery code */
    post: operations["loginSecondFactor"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/passkeys/login/options": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start signing in with a passkey (no account named: the browser offers this site's passkeys) */
    post: operations["passkeyLoginOptions"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/passkeys/login": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in with the browser's passkey answer */
    post: operations["passkeyLogin"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/logout": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End this session */
    post: operations["logout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/logout-all": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End every session of this account */
    post: operations["logoutEverywhere"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/2fa": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether two-factor sign-in is on, and how many recovery codes are left */
    get: operations["getTwoFactor"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/2fa/setup": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new authenticator secret (QR code and text); not on until confirmed with a code */
    post: operations["setupTwoFactor"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/2fa/enable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn two-factor sign-in on with a code of the app; answers the recovery codes (shown once) */
    post: operations["enableTwoFactor"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/2fa/disable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn two-factor sign-in off (the password and a code, or a recovery code) */
    post: operations["disableTwoFactor"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/2fa/recovery-codes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** New recovery codes (the old ones stop working); needs a code of the app */
    post: operations["renewRecoveryCodes"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/passkeys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in person's passkeys */
    get: operations["listPasskeys"];
    put?: never;
    /** Keep the passkey the browser made, under a name */
    post: operations["registerPasskey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/passkeys/options": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start registering a passkey */
    post: operations["passkeyRegistrationOptions"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/passkeys/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a passkey (it can no longer sign in) */
    delete: operations["removePasskey"];
    options?: never;
    head?: never;
    /** Rename a passkey */
    patch: operations["renamePasskey"];
    trace?: never;
  };
  "/api/v1/auth/sessions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where the account is signed in: device, coarse place, last seen, this one */
    get: operations["listSessions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/sessions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Sign out one of your sessions */
    delete: operations["removeSession"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/sessions/revoke-others": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out everywhere but here */
    post: operations["removeOtherSessions"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/password": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change the password (the other sessions end; a notice is mailed) */
    post: operations["changePassword"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/password-reset": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Mail a link to choose a new password
     * @description Answers the same (body and timing) whether or not an account has the address.
     */
    post: operations["requestPasswordReset"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/password-reset/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set a new password with the mailed link's token; every session ends */
    post: operations["confirmPasswordReset"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/email/verify-request": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mail another link to confirm the account's address */
    post: operations["requestEmailVerification"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/email/verify": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the address with the mailed link's token */
    post: operations["verifyEmail"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/api-keys": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's API keys (no secrets), with when and from where each was last used */
    get: operations["listApiKeys"];
    put?: never;
    /** Create an API key with scopes (the key is in this answer only) */
    post: operations["createApiKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/api-keys/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API key (it stops working at once) */
    delete: operations["revokeApiKey"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's webhooks (no secrets) */
    get: operations["listWebhooks"];
    put?: never;
    /** Register a URL for events (creators: their own; admins: the site's); the secret is shown once */
    post: operations["createWebhook"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a webhook and its delivery log */
    delete: operations["deleteWebhook"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/{id}/enable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn a webhook that was disabled after failures back on */
    post: operations["enableWebhook"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/{id}/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a `webhook.test` event to this webhook now */
    post: operations["sendWebhookTest"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/{id}/deliveries": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The webhook's delivery log: each event, its attempts and the receiver's last answer */
    get: operations["listWebhookDeliveries"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/sso/providers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sign-in providers offered on the log-in and sign-up pages */
    get: operations["listSignInProviders"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/sso/{provider}/start": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start signing in (or linking) with a provider: where to send the browser
     * @description Sets the `fanz_sso` cookie (the flow: state, nonce and PKCE verifier are kept on the server). The provider sends the browser back to `GET /auth/sso/{provider}/callback`.
     */
    post: operations["startProviderSignIn"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/sso/{provider}/callback": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Where the provider sends the browser back (the redirect URI to register at the provider)
     * @description Always answers 303 to a page of the site: signed in (the session cookie set), `/signup/continue` for a new person (age confirmation), `/login#sso_2fa=<challenge>` when two-factor sign-in is on, or `…#sso_error=<code>`: `sso_flow_expired`, `sso_state_mismatch`, `sso_denied`, `sso_rejected` (the ID token or nonce did not verify), `sso_email_unverified`, `identity_in_use`, `provider_already_linked`, `sso_wrong_account`, `banned`, `suspended`, `account_deleted`, `sso_failed`.
     */
    get: operations["providerSignInCallback"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/sso/signup": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The sign-up waiting in this browser for the age confirmation */
    get: operations["getProviderSignup"];
    put?: never;
    /** Create the account of the waiting sign-up (age confirmed) and log in */
    post: operations["completeProviderSignup"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/sso/identities": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The provider accounts linked to the signed-in person */
    get: operations["listLinkedIdentities"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/auth/sso/identities/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Unlink a provider account (not the last way to sign in) */
    delete: operations["unlinkIdentity"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/me/notification-settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which channels (in-app, e-mail, push) the person gets each kind of notification on */
    get: operations["getNotificationSettings"];
    /** Change the channels of some kinds; the others stay as they are */
    put: operations["updateNotificationSettings"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/me/export": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask for a copy of your data (a zip, made in the background)
     * @description Profile, posts, comments, likes, messages of your conversations, purchases, subscriptions, tips, ledger lines of your accounts, notifications, sessions and your own media originals, as JSON plus files.
     */
    post: operations["requestDataExport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/me/exports": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your recent data exports, newest first */
    get: operations["listDataExports"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/me/exports/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of your data exports: its progress, and where to download it once ready */
    get: operations["getDataExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/me/exports/{id}/download": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The zip of a ready export (yours only) */
    get: operations["downloadDataExport"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in person's account */
    get: operations["getMe"];
    put?: never;
    post?: never;
    /**
     * Delete your account and your content for good (GDPR erasure)
     * @description Log-in is refused from then on and every session ends. Your profile, posts, comments, likes, the text and media of your messages and your vault go; e-mail and username are replaced, so you can sign up again. Money records stay (the books must balance), as do the records the law makes the site keep.
     */
    delete: operations["deleteMyAccount"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/current": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in person's account, or null for a visitor */
    get: operations["getCurrentUser"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/me/blocks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The people the signed-in person blocked, newest first */
    get: operations["listBlockedPeople"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/users/{username}/block": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Block a person: neither of you can write to the other */
    post: operations["blockUser"];
    /** Lift a block */
    delete: operations["unblockUser"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/creators/me": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's own creator profile, with its welcome message */
    get: operations["getMyCreatorProfile"];
    /** Create or change the caller's creator profile (a fan becomes a creator) */
    put: operations["upsertMyCreatorProfile"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/creators/me/{image}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upload the avatar or banner, cut to `crop`
     * @description The profile shows the new image once it is processed (until then the previous one, or the fallback).
     */
    post: operations["uploadProfileImage"];
    /** Back to the generated avatar or banner */
    delete: operations["removeProfileImage"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/creators": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The creator directory: newest, trending or popular first; `query` searches names
     * @description Discover and suggestions. Creators who block the viewer's country are left out (search applies the same filter: entitlement's `geoHidden`).
     */
    get: operations["listCreators"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/creators/{username}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One creator and what the viewer is to them */
    get: operations["getCreator"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/creators/{username}/posts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A creator's posts, newest first; `only=media` keeps those with photos or videos */
    get: operations["listCreatorPosts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/creators/{username}/live": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A creator's live stream (or null) and upcoming ones */
    get: operations["getCreatorLive"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/live/key": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your RTMP URL and stream key (made on first use) */
    get: operations["getStreamKey"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/live/key/rotate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A new stream key; the old one is refused at once (and a stream using it is cut) */
    post: operations["rotateStreamKey"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/live/streams": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your streams, newest first */
    get: operations["listMyLiveStreams"];
    put?: never;
    /** Plan the next stream (it goes live when you publish with your key) */
    post: operations["createLiveStream"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/live/now": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Streams live now, the latest started first */
    get: operations["listLiveNow"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/live/streams/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A stream as you may see it (playlistUrl only when you may watch) */
    get: operations["getLiveStream"];
    put?: never;
    post?: never;
    /** Delete a stream that has not started */
    delete: operations["deleteLiveStream"];
    options?: never;
    head?: never;
    /** Change a stream that has not ended */
    patch: operations["updateLiveStream"];
    trace?: never;
  };
  "/api/v1/live/streams/{id}/end": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End your live stream now (the publisher is disconnected) */
    post: operations["endLiveStream"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/live/streams/{id}/tickets": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Buy a ticket to a ticketed stream */
    post: operations["buyLiveTicket"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/live/streams/{id}/chat": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The stream's chat and tips, newest first */
    get: operations["getLiveChat"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/live/streams/{id}/moderation": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mute, unmute or remove a person from your stream's chat */
    post: operations["moderateLiveChat"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/live/streams/{id}/chat/{messageId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Hide one line of your stream's chat */
    delete: operations["hideLiveChatLine"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/posts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish, schedule or draft a post */
    post: operations["createPost"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/posts/mine": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The creator's drafts or scheduled posts */
    get: operations["listMyPosts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/posts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One post (locked when the viewer may not see it) */
    get: operations["getPost"];
    put?: never;
    post?: never;
    /** Delete a post (its creator, or an admin) */
    delete: operations["deletePost"];
    options?: never;
    head?: never;
    /** Change a post (its creator only) */
    patch: operations["updatePost"];
    trace?: never;
  };
  "/api/v1/posts/{id}/likes": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Like a post */
    post: operations["likePost"];
    /** Take a like back */
    delete: operations["unlikePost"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/posts/{id}/comments": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A post's comments, oldest first */
    get: operations["listComments"];
    put?: never;
    /** Comment on a post */
    post: operations["addComment"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/posts/{id}/bookmark": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Bookmark a post
     * @description Idempotent: bookmarking twice keeps one bookmark; removing a missing one is fine.
     */
    post: operations["bookmarkPost"];
    /**
     * Remove a bookmark
     * @description Idempotent: bookmarking twice keeps one bookmark; removing a missing one is fine.
     */
    delete: operations["unbookmarkPost"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/bookmarks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The viewer's bookmarked posts, newest bookmark first */
    get: operations["listBookmarks"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tags/{tag}/posts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Published posts with a hashtag, newest first
     * @description Locked cards for posts the viewer is not entitled to; creators blocking the viewer's country are left out.
     */
    get: operations["listTagPosts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/search": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search creators, posts and hashtags */
    get: operations["search"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/feed": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Posts of the creators the fan subscribes to, and their own, newest first */
    get: operations["getFeed"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/subscriptions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The fan's subscriptions */
    get: operations["listSubscriptions"];
    put?: never;
    /**
     * Subscribe to a creator for 1 month or a bundle
     * @description Free creators and free trials subscribe at once; otherwise the wallet or a card pays.
     */
    post: operations["subscribe"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/subscriptions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Stop renewing; access lasts until the period ends */
    delete: operations["cancelSubscription"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/promotions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's promotions, newest first, with their uses */
    get: operations["listPromotions"];
    put?: never;
    /** Make a discount or free-trial link */
    post: operations["createPromotion"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/promotions/code/{code}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The offer behind a promotion link (public) */
    get: operations["getPromotionOffer"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/promotions/creator/{username}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The offer a creator shows on their page (public) */
    get: operations["getCreatorOffer"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/promotions/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One of the caller's promotions */
    get: operations["getPromotion"];
    put?: never;
    post?: never;
    /** Delete a promotion: its link stops working; past redemptions stay */
    delete: operations["deletePromotion"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/referrals": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller's referral link and the people who signed up through it */
    get: operations["getMyReferrals"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payouts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The creator's payouts, newest first */
    get: operations["listMyPayouts"];
    put?: never;
    /** Ask for available earnings to be paid out */
    post: operations["requestPayout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/payouts/method": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The creator's payout method, masked */
    get: operations["getPayoutMethod"];
    /** Set (replace) the payout method: PayPal, an IBAN, or a US account */
    put: operations["setPayoutMethod"];
    post?: never;
    /** Forget the payout method */
    delete: operations["removePayoutMethod"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/analytics": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The creator's analytics over the last `days` UTC days (7 to 365) */
    get: operations["getAnalytics"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/fans": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The creator's fans: since when, status, renewal, lifetime spend (from the ledger) */
    get: operations["listFans"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/lists": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The creator's lists of fans with their member counts */
    get: operations["listFanLists"];
    put?: never;
    /** Make a list of fans */
    post: operations["createFanList"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/lists/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Delete a list (the fans stay fans) */
    delete: operations["deleteFanList"];
    options?: never;
    head?: never;
    /** Rename a list */
    patch: operations["renameFanList"];
    trace?: never;
  };
  "/api/v1/lists/{id}/members/{userId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Put a fan on a list (idempotent; only the creator's own fans, current or lapsed) */
    put: operations["addFanListMember"];
    post?: never;
    /** Take a fan off a list */
    delete: operations["removeFanListMember"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/status": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How the site is: readiness, versions, database, disk, jobs, workers, ffmpeg, live, sockets, mail, backups */
    get: operations["getSystemStatus"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/settings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The site settings the admin edits */
    get: operations["getAdminSettings"];
    /** Change some of the site settings */
    put: operations["updateAdminSettings"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/payouts": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The payout queue, with each creator's payout method in full */
    get: operations["listAdminPayouts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/payouts/{id}/approve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a requested payout */
    post: operations["approvePayout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/payouts/{id}/reject": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a requested payout; the money goes back to the creator's available earnings */
    post: operations["rejectPayout"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/payouts/{id}/mark-paid": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record that an approved payout was sent, with the transfer's reference */
    post: operations["markPayoutPaid"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/email": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Where the site's mail goes (SMTP or .eml files) and the saved SMTP settings */
    get: operations["getEmailSettings"];
    /**
     * Save (or remove) the SMTP settings
     * @description The password is stored encrypted with the site's key. When the config file sets `[email] transport = "smtp"`, it wins over what is saved here.
     */
    put: operations["updateEmailSettings"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/email/test": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a test mail now, through the transport in use */
    post: operations["sendTestMail"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/jobs": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The job queue, newest first */
    get: operations["listJobs"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/transactions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every ledger transaction, newest first, with what a refund may still take back */
    get: operations["listAdminTransactions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/transactions/{id}/refund": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Refund a payment: a sale in full, a top-up in full or in part */
    post: operations["refundTransaction"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/users": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** People, newest accounts first: by name or e-mail, role and status */
    get: operations["listAdminUsers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/users/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One person, with their posts, subscribers, earnings and open reports */
    get: operations["getAdminUser"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/users/{id}/ban": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ban: sessions end, content disappears, renewals and payouts are held */
    post: operations["banUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/users/{id}/suspend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Suspend until a time: as a ban, ending by itself */
    post: operations["suspendUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/users/{id}/unban": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lift a ban or a suspension */
    post: operations["unbanUser"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/users/{id}/role": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a person's role */
    put: operations["setUserRole"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/creators/{id}/verify": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give a creator the verified badge */
    post: operations["verifyCreator"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/creators/{id}/unverify": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take the verified badge back */
    post: operations["unverifyCreator"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/reports": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The report queue (open: oldest first) or what was resolved (newest first) */
    get: operations["listReports"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/reports/{id}/resolve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resolve a report: dismiss it, remove the content, or ban its author */
    post: operations["resolveReport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/reports": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Report a post, comment, message, person or live stream to the moderators */
    post: operations["createReport"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/audit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit log, newest first */
    get: operations["listAudit"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/kyc": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The identity verification queue, newest first */
    get: operations["listAdminKyc"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/kyc/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One verification with its documents */
    get: operations["getAdminKyc"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/kyc/{id}/approve": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a verification (the creator is told) */
    post: operations["approveKyc"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/kyc/{id}/reject": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a verification with a reason (the creator is told, and may send a new one) */
    post: operations["rejectKyc"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/documents/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A KYC or release document, decrypted (never cached; every view is in the audit log) */
    get: operations["getComplianceDocument"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/records/2257": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every 2257 record as a zip: records.csv, performers.csv and the decrypted documents */
    get: operations["export2257Records"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/dmca": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** DMCA notices, newest first */
    get: operations["listAdminDmca"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/dmca/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One notice, with what its URLs name on this site */
    get: operations["getAdminDmca"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/dmca/{id}/takedown": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take the named content down: a strike on each creator, told by notification and mail
     * @description A creator reaching the site's strike limit is suspended as a repeat infringer.
     */
    post: operations["dmcaTakedown"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/dmca/{id}/reject": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a notice (incomplete, or not about content on this site) */
    post: operations["dmcaReject"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/dmca/{id}/restore": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Restore content after a counter-notice, once the waiting period is over (the strike is withdrawn) */
    post: operations["dmcaRestore"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/sso/providers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sign-in providers: the config file's and the saved ones (never a secret) */
    get: operations["listAdminSignInProviders"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/admin/sso/providers/{provider}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Add or change a saved sign-in provider (OpenID Connect)
     * @description The client secret is stored sealed with the site's key; leave it out to keep the saved one. Register `<public_url>/api/v1/auth/sso/<id>/callback` as the redirect URI at the provider.
     */
    put: operations["saveAdminSignInProvider"];
    post?: never;
    /** Remove a saved sign-in provider (linked accounts stay, unusable until it is back) */
    delete: operations["removeAdminSignInProvider"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/kyc": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your newest verification (status, rejection reason) and whether the site requires one */
    get: operations["getMyKyc"];
    put?: never;
    /**
     * Send your identity verification: legal name, date of birth, country, ID document and a selfie
     * @description The documents are stored encrypted outside the media tree and seen only by site admins. An admin approves or rejects it; you are told.
     */
    post: operations["submitKyc"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/releases": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your releases, newest first */
    get: operations["listReleases"];
    put?: never;
    /**
     * Keep a performer's release: legal name, date of birth, other names, ID document, signed release
     * @description Name it in a post's `releaseIds` as that post's 2257 record of the performer.
     */
    post: operations["createRelease"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/records/2257": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The site's 18 U.S.C. 2257 custodian-of-records statement (public) */
    get: operations["getRecordsStatement"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/records/held": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your posts that wait for co-performers to confirm before they are published */
    get: operations["listHeldPosts"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/records/posts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The co-performers and releases a post names (its creator or an admin) */
    get: operations["getPostPerformers"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/records/requests": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Posts that name you as a co-performer, newest first */
    get: operations["listCoPerformerRequests"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/records/requests/{id}/confirm": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm you perform in the post (the last confirmation publishes a held post) */
    post: operations["confirmCoPerformer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/records/requests/{id}/decline": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline being named in the post (it stays unpublished) */
    post: operations["declineCoPerformer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/dmca": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The DMCA notices that took down your content, newest first */
    get: operations["listMyDmcaNotices"];
    put?: never;
    /**
     * Send a DMCA notice about content on this site
     * @description Every element of 17 U.S.C. § 512(c)(3) is required: who you are and how to reach you, the work, the URLs on this site, the good-faith and accuracy statements, and your typed signature.
     */
    post: operations["submitDmcaNotice"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/dmca/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A notice about your content: the claim, what was removed, your counter-notice */
    get: operations["getMyDmcaNotice"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/dmca/{id}/counter": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Send a counter-notice (17 U.S.C. § 512(g)(3)) for content removed by mistake
     * @description The admin may restore the content once the site's waiting period after it has passed (10 business days by default).
     */
    post: operations["sendCounterNotice"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/notifications": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The person's notifications, newest first, and how many are unread */
    get: operations["listNotifications"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/notifications/read": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark every notification read */
    post: operations["markNotificationsRead"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/conversations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The person's conversations, most recent activity first */
    get: operations["listConversations"];
    put?: never;
    /** The conversation with a person (made if new) */
    post: operations["startConversation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/conversations/unread": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many messages are unread, in how many conversations (the nav badge) */
    get: operations["getUnreadMessages"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/conversations/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One conversation, with whether the viewer may write in it now */
    get: operations["getConversation"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/conversations/{id}/messages": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A conversation's messages, newest first */
    get: operations["listMessages"];
    put?: never;
    /** Send a message (free, or pay-per-view from a creator) */
    post: operations["sendMessage"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/conversations/{id}/read": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Read up to a message (the other person sees the read receipt) */
    post: operations["markConversationRead"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/messages/mass": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The creator's mass messages, newest first */
    get: operations["listMassMessages"];
    put?: never;
    /** Send one message to many fans (creators only); it goes out in the background */
    post: operations["sendMassMessage"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/messages/mass/audience": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many fans each mass-message audience reaches now (creators only) */
    get: operations["getMassAudience"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/messages/mass/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A mass message and how far it got */
    get: operations["getMassMessage"];
    put?: never;
    post?: never;
    /** Stop a scheduled or sending mass message (copies already sent stay) */
    delete: operations["cancelMassMessage"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/messages/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Unsend one of your messages (within 24 hours, unless it was bought) */
    delete: operations["unsendMessage"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/messages/{id}/unlock": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Buy a pay-per-view message */
    post: operations["unlockMessage"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/push/key": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The site's web push key, for PushManager.subscribe({ applicationServerKey }) */
    get: operations["getPushKey"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/push/subscriptions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Receive web push notifications in this browser
     * @description Idempotent per endpoint: subscribing the same browser again replaces its keys.
     */
    post: operations["subscribePush"];
    /** Stop web push to this browser */
    delete: operations["unsubscribePush"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/media": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The creator's own uploads, newest first */
    get: operations["listVault"];
    put?: never;
    /**
     * Upload a photo or video to the vault
     * @description Streamed to disk, then processed in the background: poll the medium until it is ready.
     */
    post: operations["uploadMedia"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/media/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One medium: the owner's view, or a viewer's full or locked view */
    get: operations["getMedia"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/wallet": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The fan's wallet: balance and history, newest first */
    get: operations["getWallet"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/wallet/topups": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add money to the wallet (always by card) */
    post: operations["topUpWallet"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/posts/{id}/unlock": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Buy a pay-per-view post */
    post: operations["unlockPost"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tips": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tip a creator, optionally for one of their posts */
    post: operations["tipCreator"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/earnings": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The creator's earnings: pending, available, lifetime, by type and by month */
    get: operations["getEarnings"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/earnings/statement.csv": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The creator's statement of every earning, reversal and payout, as CSV */
    get: operations["downloadStatement"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/sandbox/checkouts/{id}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A sandbox checkout, for its hosted payment page
     * @description The unguessable id is the capability, as on a real provider's page.
     */
    get: operations["getSandboxCheckout"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/webhooks/{provider}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The payment provider's events
     * @description Verified against the raw body's bytes (Stripe, sandbox) or the sender's address (CCBill); an event id seen before changes nothing.
     */
    post: operations["receiveWebhook"];
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
    Site: {
      name: string;
      /** @description True until the setup wizard has run. */
      setupRequired: boolean;
      /** @description The site's default currency. */
      currency: string;
      /** @description Live streaming is on (`[live] enabled`): creators may go live. */
      live: boolean;
    };
    ErrorBody: {
      error: {
        /** @description Stable and machine-readable, e.g. `not_found`, `rate_limited`. */
        code: string;
        /** @description For people: show it as it is. */
        message: string;
        details?: {
          /** @description Validation errors: the message for each field, by its path. */
          fields?: {
            [key: string]: string;
          };
          /** @description Rate limits: when to try again (also the Retry-After header). */
          retryAfterSeconds?: number;
        } & {
          [key: string]: unknown;
        };
      };
    };
    SetupResult: {
      user: components["schemas"]["User"];
      token: string;
      site: components["schemas"]["Site"];
    };
    User: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      email: string;
      username: string;
      displayName: string;
      role: components["schemas"]["Role"];
      /** @description Has a creator profile (admins keep their role when they become creators). */
      isCreator: boolean;
      /** @description The uploaded avatar's largest variant; null: initials. */
      avatarUrl: string | null;
      /** @description Every avatar variant, for `srcset`. */
      avatarSrcset: string | null;
      /** @description When the address was proved by a mailed link; null: not yet. */
      emailVerifiedAt: number | null;
      /** @description Log-in asks for a code from an authenticator app. */
      twoFactorEnabled: boolean;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    /** @enum {string} */
    Role: "fan" | "creator" | "admin";
    SetupInput: {
      token: string;
      /** @description Trimmed; no control or text-direction characters. */
      siteName: string;
      admin: {
        email: string;
        username: string;
        password: string;
        /** @description Trimmed; no control or text-direction characters. */
        displayName?: string;
      };
      /** @description Left out: mail is written as files until SMTP is set. */
      smtp?: {
        host: string;
        port: number;
        /**
         * @description `tls` from the start (465), `starttls` required (587), `none` (a local relay).
         * @enum {string}
         */
        security: "tls" | "starttls" | "none";
        username: string;
        /** @description The sender address; empty: the config's `from`. */
        from: "" | string;
        /** @description Left out: keep the saved password. Empty: no password. */
        password?: string;
      };
      /** @description Creators must pass identity verification (KYC) before selling; off unless chosen. */
      requireCreatorVerification?: boolean;
    };
    Session: {
      user: components["schemas"]["User"];
      /** @description Send as `Authorization: Bearer <token>` (API clients). */
      token: string;
    };
    SignupInput: {
      email: string;
      username: string;
      password: string;
      /** @description Trimmed; no control or text-direction characters. */
      displayName?: string;
      /** @enum {boolean} */
      ageConfirmed: true;
      /** @description The referral code of the link the person signed up through (a creator's username). */
      ref?: string;
    };
    LoginResult: components["schemas"]["Session"] | components["schemas"]["TwoFactorChallenge"];
    TwoFactorChallenge: {
      /** @enum {boolean} */
      twoFactorRequired: true;
      /** @description Send with a code to `POST /auth/login/2fa` within 5 minutes; it works once. */
      challenge: string;
    };
    LoginInput: {
      email: string;
      password: string;
    };
    Login2faInput: {
      challenge: string;
      /** @description The 6-digit code of the authenticator app. */
      code?: string;
      /** @description One of the recovery codes. */
      recoveryCode?: string;
    };
    PasskeyOptions: {
      /** @description A random id, 26 base32 characters. */
      flowId: string;
      /** @description PublicKeyCredential…OptionsJSON */
      options: {
        [key: string]: unknown;
      };
    };
    PasskeyLoginInput: {
      flowId: string;
      response: {
        id: string;
        rawId: string;
        /** @enum {string} */
        type: "public-key";
        response: {
          clientDataJSON: string;
          authenticatorData: string;
          signature: string;
          userHandle?: string;
        };
        /** @default {} */
        clientExtensionResults?: {
          credProps?: {
            rk?: boolean;
          };
        };
        /** @enum {string} */
        authenticatorAttachment?: "platform" | "cross-platform";
      };
    };
    TwoFactorStatus: {
      twoFactor: {
        enabled: boolean;
        /** @description Epoch milliseconds. */
        enabledAt: number | null;
        recoveryCodesLeft: number;
      };
    };
    TwoFactorSetup: {
      /** @description Base32, to type into the app by hand. */
      secret: string;
      /** @description The `otpauth://totp/…` URI the QR code holds. */
      otpauthUrl: string;
      /** @description The QR code as an SVG document. */
      qrSvg: string;
    };
    RecoveryCodes: {
      /** @description Shown once; each works once. */
      recoveryCodes: string[];
    };
    TwoFactorEnableInput: {
      /** @description The 6-digit code of the authenticator app. */
      code: string;
    };
    TwoFactorDisableInput: {
      password: string;
      /** @description A code of the app, or a recovery code. */
      code: string;
    };
    PasskeyList: {
      items: components["schemas"]["Passkey"][];
    };
    Passkey: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      name: string;
      /**
       * @description `multiDevice`: synced by a password manager or the platform.
       * @enum {string}
       */
      deviceType: "singleDevice" | "multiDevice";
      backedUp: boolean;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description Epoch milliseconds. */
      lastUsedAt: number | null;
    };
    PasskeyRegisterInput: {
      flowId: string;
      name: string;
      response: {
        id: string;
        rawId: string;
        /** @enum {string} */
        type: "public-key";
        response: {
          clientDataJSON: string;
          attestationObject: string;
          transports?: string[];
        };
        /** @default {} */
        clientExtensionResults?: {
          credProps?: {
            rk?: boolean;
          };
        };
        /** @enum {string} */
        authenticatorAttachment?: "platform" | "cross-platform";
      };
    };
    PasskeyRenameInput: {
      name: string;
    };
    SessionList: {
      items: components["schemas"]["SessionInfo"][];
    };
    SessionInfo: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @description Read from the User-Agent, e.g. "Chrome on Linux". */
      device: string;
      /** @description The address, last part masked: "203.0.113.x". */
      place: string | null;
      /** @description Epoch milliseconds. */
      lastSeenAt: number;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description The session of this request. */
      current: boolean;
    };
    PasswordChangeInput: {
      currentPassword: string;
      newPassword: string;
    };
    PasswordResetAccepted: {
      message: string;
    };
    PasswordResetInput: {
      email: string;
    };
    PasswordResetConfirmInput: {
      token: string;
      password: string;
    };
    EmailVerifyInput: {
      token: string;
    };
    CreatedApiKey: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      name: string;
      scopes: string[];
      /** @description The key's first characters, to tell keys apart. */
      prefix: string;
      /** @description Epoch milliseconds. */
      createdAt: number;
      expiresAt: number | null;
      lastUsedAt: number | null;
      /** @description The address the key was last used from. */
      lastUsedIp: string | null;
      /** @description The key itself: shown this once, never again. */
      key: string;
    };
    /**
     * @description - `profile:read`: Read the key owner's own account and notifications.
     *     - `posts:read`: Read posts, the feed, tags, search, creator pages and live streams.
     *     - `posts:write`: Create, edit and delete posts; like, comment and bookmark.
     *     - `messages:read`: Read conversations and messages.
     *     - `messages:write`: Send messages and mass messages; mark conversations read.
     *     - `media:read`: List the vault's media and their processing state.
     *     - `media:write`: Upload media to the vault.
     *     - `earnings:read`: Read earnings, statements, analytics, fans, payouts and referrals.
     *     - `payments:read`: Read the wallet and subscriptions.
     *     - `payments:write`: Move money: subscribe, unlock, tip, top up, buy tickets, request payouts.
     *     - `admin`: The admin console's API (only when the key's owner is an admin).
     * @enum {string}
     */
    ApiScope:
      | "profile:read"
      | "posts:read"
      | "posts:write"
      | "messages:read"
      | "messages:write"
      | "media:read"
      | "media:write"
      | "earnings:read"
      | "payments:read"
      | "payments:write"
      | "admin";
    ApiKey: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      name: string;
      scopes: string[];
      /** @description The key's first characters, to tell keys apart. */
      prefix: string;
      /** @description Epoch milliseconds. */
      createdAt: number;
      expiresAt: number | null;
      lastUsedAt: number | null;
      /** @description The address the key was last used from. */
      lastUsedIp: string | null;
    };
    CreatedWebhook: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      url: string;
      events: string[];
      /**
       * @description `creator`: the owner's own events; `site`: every event of the site (admins).
       * @enum {string}
       */
      audience: "creator" | "site";
      /** @enum {string} */
      status: "active" | "disabled";
      /** @description Failed attempts since the last delivered one. */
      failuresInRow: number;
      disabledAt: number | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description The signing secret (`whsec_…`): shown this once. Verify `Fanz-Signature` with it. */
      secret: string;
    };
    /** @enum {string} */
    WebhookEventType:
      | "subscription.started"
      | "subscription.renewed"
      | "subscription.ended"
      | "payment.completed"
      | "payment.reversed"
      | "message.received"
      | "post.published"
      | "comment.created"
      | "live.started"
      | "live.ended"
      | "payout.approved"
      | "payout.rejected"
      | "payout.paid";
    Webhook: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      url: string;
      events: string[];
      /**
       * @description `creator`: the owner's own events; `site`: every event of the site (admins).
       * @enum {string}
       */
      audience: "creator" | "site";
      /** @enum {string} */
      status: "active" | "disabled";
      /** @description Failed attempts since the last delivered one. */
      failuresInRow: number;
      disabledAt: number | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    WebhookDelivery: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @description The `id` of the body sent; the same on every retry. */
      eventId: string;
      type: string;
      /** @enum {string} */
      status: "pending" | "delivered" | "failed";
      attempts: number;
      nextAttemptAt: number | null;
      responseStatus: number | null;
      /** @description The first bytes of the receiver's answer. */
      responseBody: string | null;
      error: string | null;
      durationMs: number | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description Epoch milliseconds. */
      updatedAt: number;
    };
    WebhookDeliveryPage: {
      items: components["schemas"]["WebhookDelivery"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    SignInProviderList: {
      items: {
        id: string;
        /** @description The button says "Continue with <name>". */
        name: string;
      }[];
    };
    SsoStart: {
      /** @description Send the browser here (the provider's sign-in page). */
      url: string;
    };
    SsoStartInput: {
      /**
       * @description `login`: log in or sign up. `link`: add the provider to the signed-in account.
       * @default login
       * @enum {string}
       */
      intent?: "login" | "link";
      /** @description A path of this site to end on. */
      returnTo?: string;
    };
    SsoPendingSignup: {
      signup: {
        provider: {
          id: string;
          name: string;
        };
        /** @description From the provider; null: the form asks for it. */
        email: string | null;
        emailVerified: boolean;
        suggestedUsername: string;
        displayName: string | null;
      };
    };
    SsoSignupResult: {
      /** @description The session (also set as the `fanz_session` cookie). */
      token: string;
      returnTo: string;
    };
    SsoSignupInput: {
      username: string;
      /** @description Trimmed; no control or text-direction characters. */
      displayName?: string;
      /** @description Only when the provider gave no address. */
      email?: string;
      /** @enum {boolean} */
      ageConfirmed: true;
      ref?: string;
    };
    LinkedIdentityList: {
      items: {
        /** @description A random id, 26 base32 characters. */
        id: string;
        providerId: string;
        providerName: string;
        email: string | null;
        /** @description Epoch milliseconds. */
        createdAt: number;
        /** @description Epoch milliseconds. */
        lastUsedAt: number | null;
      }[];
      /** @description False for accounts made through a provider until a password is set. */
      hasPassword: boolean;
    };
    /**
     * @description Channels per kind:
     *     - `message`: New messages (default: inApp, email, push).
     *     - `new_subscriber`: New subscribers and free trials (default: inApp, email, push).
     *     - `renewal`: Subscription renewals (default: inApp).
     *     - `tip`: Tips (default: inApp, push).
     *     - `ppv_sale`: Unlocked posts (default: inApp, push).
     *     - `live`: Creators going live (default: inApp, push).
     *     - `like`: Likes (default: inApp).
     *     - `comment`: Comments (default: inApp, push).
     *     - `payout`: Payouts (default: inApp, email, push).
     *     - `billing`: Refunds, chargebacks and failed renewals (default: inApp, email).
     *     - `compliance`: Identity verification, co-performer requests and copyright notices (default: inApp, email, push).
     *     - `moderation`: Reports you made, and content of yours that moderators removed (default: inApp, email).
     *     - `integrations`: Webhooks turned off after failing (default: inApp, email).
     */
    NotificationSettings: {
      message: components["schemas"]["NotificationChannels"];
      new_subscriber: components["schemas"]["NotificationChannels"];
      renewal: components["schemas"]["NotificationChannels"];
      tip: components["schemas"]["NotificationChannels"];
      ppv_sale: components["schemas"]["NotificationChannels"];
      live: components["schemas"]["NotificationChannels"];
      like: components["schemas"]["NotificationChannels"];
      comment: components["schemas"]["NotificationChannels"];
      payout: components["schemas"]["NotificationChannels"];
      billing: components["schemas"]["NotificationChannels"];
      compliance: components["schemas"]["NotificationChannels"];
      moderation: components["schemas"]["NotificationChannels"];
      integrations: components["schemas"]["NotificationChannels"];
    };
    NotificationChannels: {
      inApp: boolean;
      email: boolean;
      push: boolean;
    };
    NotificationSettingsPatch: {
      /** @description Only the kinds and channels to change. */
      settings: {
        message?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        new_subscriber?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        renewal?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        tip?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        ppv_sale?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        live?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        like?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        comment?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        payout?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        billing?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        compliance?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        moderation?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
        integrations?: {
          inApp?: boolean;
          email?: boolean;
          push?: boolean;
        };
      };
    };
    DataExport: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      status: components["schemas"]["DataExportStatus"];
      /** @description Where to download the zip (owner only) while it is ready; null otherwise. */
      downloadUrl: string | null;
      sizeBytes: number | null;
      error: string | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description Epoch milliseconds. */
      readyAt: number | null;
      /** @description When the download goes (the file is removed). */
      expiresAt: number | null;
    };
    /** @enum {string} */
    DataExportStatus: "queued" | "running" | "ready" | "failed" | "expired";
    EraseAccountInput: {
      password: string;
      /** @description Give up the wallet's balance (it goes to the site); required while it holds money. */
      confirmForfeit?: boolean;
    };
    BlockedPeople: {
      items: {
        user: {
          /** @description A random id, 26 base32 characters. */
          id: string;
          username: string;
          displayName: string;
        };
        /** @description Epoch milliseconds. */
        blockedAt: number;
      }[];
    };
    Creator: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      username: string;
      displayName: string;
      bio: string;
      /** @description The uploaded avatar's largest variant; null: initials. */
      avatarUrl: string | null;
      avatarSrcset: string | null;
      /** @description The uploaded 3:1 banner; null: the generated gradient. */
      bannerUrl: string | null;
      bannerSrcset: string | null;
      /** @description A month's subscription; 0 is free. */
      priceCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      bundles: components["schemas"]["Bundle"][];
      trialDays: number;
      /** @description The site verified this creator: show the badge. */
      verified: boolean;
      dmPolicy: components["schemas"]["DmPolicy"];
      /** @description Only in the creator's own view (PUT and GET /creators/me). */
      welcomeMessage?: {
        text: string;
        mediaIds: string[];
        /** @description Integer cents. */
        priceCents: number;
      } | null;
      /** @description Only in the creator's own view: the countries blocked (ISO alpha-2, sorted). */
      blockedCountries?: string[];
      postsCount: number;
      /** @description Photos and videos in the creator's live posts. */
      mediaCount: number;
      /** @description Likes on the creator's live posts. */
      likesCount: number;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    Bundle: {
      /** @enum {integer} */
      months: 3 | 6 | 12;
      discountPercent: number;
      /** @description The bundle's total price after the discount. */
      priceCents: number;
    };
    /**
     * @description Who may start writing to the creator: live subscribers, or everyone.
     * @enum {string}
     */
    DmPolicy: "subscribers" | "everyone";
    CreatorProfileInput: {
      /** @description Trimmed; no control or text-direction characters. */
      displayName?: string;
      /** @description Trimmed; no control or text-direction characters. */
      bio?: string;
      /** @description A month's price: required to become a creator, kept when left out later. */
      priceCents?: number;
      /** @enum {string} */
      currency?: "USD" | "EUR" | "GBP";
      bundles?: {
        months: components["schemas"]["BundleMonths"];
        discountPercent: number;
      }[];
      trialDays?: number;
      dmPolicy?: components["schemas"]["DmPolicy"];
      /** @description Countries where the creator's page, posts, media and streams are not shown (451 `geo_blocked`); replaces the list. */
      blockedCountries?: components["schemas"]["CountryCode"][];
      /** @description Sent to every new subscriber as a direct message; null removes it. */
      welcomeMessage?: {
        /** @description Trimmed; no control or text-direction characters. */
        text: string;
        mediaIds?: string[];
        priceCents?: number;
      } | null;
    };
    BundleMonths: 3 | 6 | 12;
    /** @description ISO 3166-1 alpha-2, e.g. `DE`. */
    CountryCode: string;
    OwnMedia: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      kind: components["schemas"]["MediaKind"];
      status: components["schemas"]["MediaStatus"];
      /** @description Why processing failed (owner only). */
      reason: string | null;
      width: number | null;
      height: number | null;
      /** @description Seconds, videos only. */
      duration: number | null;
      /** @description True when the viewer gets the blurred preview only. */
      locked: boolean;
      urls: components["schemas"]["MediaUrls"];
      /** @description While processing: 0–100 as the processing job reports it. */
      progress: number | null;
      fileName: string;
      sizeBytes: number;
      mime: string;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    /** @enum {string} */
    MediaKind: "image" | "video";
    /** @enum {string} */
    MediaStatus: "processing" | "ready" | "failed";
    MediaUrls: {
      thumb: string | null;
      feed: string | null;
      full: string | null;
      /** @description The small blurred image shown on locked posts. */
      preview: string | null;
      /** @description Videos: a still frame (1280 px at most). */
      poster?: string | null;
      /** @description Videos: the HLS master playlist. */
      hls?: string | null;
      /** @description JPEG versions of thumb/feed/full for clients without WebP. */
      fallback: {
        thumb: string | null;
        feed: string | null;
        full: string | null;
      } | null;
      /** @description Images: thumb, feed and full with their widths in pixels, for `srcset`. */
      srcset: string | null;
    };
    CreatorPage: {
      items: components["schemas"]["Creator"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    CreatorViewer: {
      subscribed: boolean;
      isOwner: boolean;
      /** @description The creator offers a free trial and this viewer never subscribed before. */
      trialEligible: boolean;
    };
    PostPage: {
      items: components["schemas"]["Post"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    Post: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      creator: components["schemas"]["PublicUser"];
      /** @description Null on a locked subscribers-only post. */
      text: string | null;
      visibility: components["schemas"]["Visibility"];
      /** @description The unlock price of a pay-per-view post. */
      priceCents: number | null;
      /** @description The creator's currency, for priceCents. */
      currency: string;
      status: components["schemas"]["PostStatus"];
      /** @description Epoch milliseconds. */
      publishAt: number | null;
      /** @description Epoch milliseconds. */
      publishedAt: number | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description Epoch milliseconds. */
      updatedAt: number;
      locked: boolean;
      likesCount: number;
      commentsCount: number;
      /** @description Shown first on the creator page, newest pin first. */
      pinned: boolean;
      viewer: {
        liked: boolean;
        isOwner: boolean;
        /** @description In the viewer's bookmarks. */
        bookmarked: boolean;
      };
      /** @description In order; a locked post's carry only the blurred preview, kind and size. */
      media: components["schemas"]["Media"][];
    };
    PublicUser: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      username: string;
      displayName: string;
      avatarUrl: string | null;
      avatarSrcset: string | null;
      /** @description A creator the site verified: show the badge. */
      verified: boolean;
    };
    /** @enum {string} */
    Visibility: "public" | "subscribers" | "ppv";
    /** @enum {string} */
    PostStatus: "draft" | "scheduled" | "published";
    Media: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      kind: components["schemas"]["MediaKind"];
      status: components["schemas"]["MediaStatus"];
      /** @description Why processing failed (owner only). */
      reason: string | null;
      width: number | null;
      height: number | null;
      /** @description Seconds, videos only. */
      duration: number | null;
      /** @description True when the viewer gets the blurred preview only. */
      locked: boolean;
      urls: components["schemas"]["MediaUrls"];
    };
    CreatorLive: {
      stream: components["schemas"]["LiveStream"] | null;
      upcoming: components["schemas"]["LiveStream"][];
    };
    LiveStream: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      creator: {
        username: string;
        displayName: string;
        avatarUrl: string | null;
      };
      /** @enum {string} */
      status: "scheduled" | "live" | "ended";
      title: string;
      /** @enum {string} */
      access: "subscribers" | "public" | "ticket";
      /** @description The ticket's price (access `ticket`); 0 otherwise. */
      priceCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      record: boolean;
      scheduledAt: number | null;
      startedAt: number | null;
      endedAt: number | null;
      /** @description The viewer may not watch (subscribe, or buy a ticket). */
      locked: boolean;
      hasTicket: boolean;
      viewers: number;
      /** @description The HLS master playlist, for viewers who may watch, while the stream is live. */
      playlistUrl: string | null;
      /** @description A still of the stream (blurred for locked viewers). */
      posterUrl: string | null;
      /** @description The owner's draft post made from the recording (once the stream ended and was recorded). */
      recordingPostId: string | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    StreamKey: {
      /** @description The server to enter in OBS (Service: Custom). */
      rtmpUrl: string;
      /** @description Secret: whoever has it can stream as you. Rotate it if it leaks. */
      streamKey: string;
    };
    LiveStreamEnvelope: {
      stream: components["schemas"]["LiveStream"];
    };
    NewLiveStreamInput: {
      /** @description Trimmed; no control or text-direction characters. */
      title: string;
      /**
       * @default subscribers
       * @enum {string}
       */
      access?: "subscribers" | "public" | "ticket";
      /** @description The ticket's price; required for access `ticket` (1.00 to 1,000.00). */
      priceCents?: number;
      /** @description Keep the recording as a draft post when it ends. */
      record?: boolean;
      /** @description When it is planned (shown to fans). */
      scheduledAt?: number | null;
    };
    LiveStreamPage: {
      items: components["schemas"]["LiveStream"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    LiveNow: {
      items: components["schemas"]["LiveStream"][];
    };
    LiveStreamPatch: {
      /** @description Trimmed; no control or text-direction characters. */
      title?: string;
      /** @enum {string} */
      access?: "subscribers" | "public" | "ticket";
      priceCents?: number;
      record?: boolean;
      /** @description When it is planned (shown to fans). */
      scheduledAt?: number | null;
    };
    CheckoutStart: {
      /** @description A random id, 26 base32 characters. */
      checkoutId: string;
      /** @description Send the fan here. */
      checkoutUrl: string;
    };
    UnlockInput: {
      payWith?: components["schemas"]["PayWith"];
    };
    /**
     * @description `card` continues at the payment provider's checkout (202).
     * @default wallet
     * @enum {string}
     */
    PayWith: "wallet" | "card";
    LiveChatPage: {
      items: components["schemas"]["LiveChatItem"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    LiveChatItem: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @description A random id, 26 base32 characters. */
      streamId: string;
      /** @enum {string} */
      kind: "chat" | "tip";
      text: string;
      amountCents: number | null;
      currency: string | null;
      user: {
        username: string;
        displayName: string;
        avatarUrl: string | null;
      };
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    LiveModerationInput: {
      username: string;
      /** @enum {string} */
      action: "mute" | "unmute" | "remove";
    };
    NewPostInput: {
      /**
       * @description Trimmed; no control or text-direction characters.
       * @default
       */
      text?: string;
      visibility: components["schemas"]["Visibility"];
      priceCents?: number | null;
      publishAt?: number | string | null;
      draft?: boolean;
      mediaIds?: string[];
      /** @description Verified creators performing in the post; it is held until each confirms. */
      coPerformers?: {
        username: string;
      }[];
      /** @description The creator's releases (POST /releases) of the other performers. */
      releaseIds?: string[];
    };
    PostPatch: {
      /** @description Trimmed; no control or text-direction characters. */
      text?: string;
      visibility?: components["schemas"]["Visibility"];
      priceCents?: number | null;
      publishAt?: number | string | null;
      draft?: boolean;
      mediaIds?: string[];
      /** @description Verified creators performing in the post; it is held until each confirms. */
      coPerformers?: {
        username: string;
      }[];
      /** @description The creator's releases (POST /releases) of the other performers. */
      releaseIds?: string[];
      /** @description Pin to the top of the creator page (published posts, at most 3), or unpin. */
      pinned?: boolean;
    };
    CommentPage: {
      items: components["schemas"]["Comment"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    Comment: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @description A random id, 26 base32 characters. */
      postId: string;
      author: components["schemas"]["PublicUser"];
      text: string;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    CommentInput: {
      /** @description Trimmed; no control or text-direction characters. */
      text: string;
    };
    BookmarkState: {
      bookmarked: boolean;
    };
    SearchResult: {
      /** @description Matching names, exact and prefix first. */
      creators: components["schemas"]["Creator"][];
      /** @description Best match first; only posts whose text the viewer may read. */
      posts: components["schemas"]["Post"][];
      /** @description Hashtags starting with the query's first word, most used first. */
      tags: {
        tag: string;
        posts: number;
      }[];
    };
    Subscription: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      creator: components["schemas"]["PublicUser"];
      /**
       * @description `canceled`: still running until currentPeriodEnd, without renewal.
       * @enum {string}
       */
      status: "active" | "expired" | "canceled";
      /** @description Epoch milliseconds. */
      currentPeriodEnd: number;
      autoRenew: boolean;
      /** @enum {integer} */
      months: 1 | 3 | 6 | 12;
      /** @description Integer cents. */
      priceCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    SubscribeInput: {
      /** @description The creator's username. */
      creator: string;
      months?: components["schemas"]["SubscriptionMonths"];
      payWith?: components["schemas"]["PayWith"];
      /** @description A promotion code: a discount on the first period, or a free trial. */
      promotion?: string;
    };
    SubscriptionMonths: 1 | 3 | 6 | 12;
    SubscriptionPage: {
      items: components["schemas"]["Subscription"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    Promotion: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      code: string;
      /** @description The link that opens the creator page with the offer. */
      url: string;
      /** @enum {string} */
      kind: "discount" | "trial";
      percentOff: number | null;
      trialDays: number | null;
      uses: number;
      maxUses: number | null;
      expiresAt: number | null;
      /** @enum {string} */
      audience: "new" | "expired" | "all";
      public: boolean;
      /** @description Not expired and not used up. */
      available: boolean;
      /** @description Epoch milliseconds. */
      createdAt: number;
      creator: components["schemas"]["PublicUser"];
    };
    PromotionInput: {
      /** @enum {string} */
      kind: "discount" | "trial";
      /** @description Discounts: percent off the first period. */
      percentOff?: number;
      /** @description Trials: days free. */
      trialDays?: number;
      /** @description Unlimited when left out. */
      maxUses?: number;
      /** @description Epoch milliseconds. */
      expiresAt?: number;
      /**
       * @description `new`: never subscribed to the creator; `expired`: had a subscription that ended.
       * @default all
       * @enum {string}
       */
      audience?: "new" | "expired" | "all";
      /**
       * @description Also shown on the creator page to every visitor.
       * @default false
       */
      public?: boolean;
    };
    PromotionPage: {
      items: components["schemas"]["Promotion"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    ReferralInfo: {
      code: string;
      /** @description The sign-up link to share. */
      url: string;
      /** @description People who signed up through the link. */
      referredCount: number;
      /** @description Of them, those who became creators. */
      creatorsCount: number;
      /** @description The referrer's share of the platform fee, in percent. */
      sharePercent: number;
      /** @description How long the share is earned after the person becomes a creator. */
      months: number;
    };
    Payout: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      creator: components["schemas"]["PublicUser"];
      /** @description Integer cents. */
      amountCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      status: components["schemas"]["PayoutStatus"];
      /** @description The admin's note on a rejection. */
      note: string | null;
      /** @description The creator's masked payout method when they requested it. */
      destination: string | null;
      /** @description The transfer's reference, once paid. */
      reference: string | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description Epoch milliseconds. */
      decidedAt: number | null;
      /** @description Epoch milliseconds. */
      paidAt: number | null;
    };
    /** @enum {string} */
    PayoutStatus: "requested" | "approved" | "rejected" | "paid";
    PayoutRequestInput: {
      amountCents: number;
    };
    PayoutPage: {
      items: components["schemas"]["Payout"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    PayoutMethod: {
      kind: components["schemas"]["PayoutMethodKind"];
      /** @description e.g. "PayPal j***@example.com", "Bank •••• 5432 (N. Reyes)". */
      masked: string;
      /** @description Epoch milliseconds. */
      updatedAt: number;
    };
    /** @enum {string} */
    PayoutMethodKind: "paypal" | "bank";
    PayoutMethodInput: {
      kind: components["schemas"]["PayoutMethodKind"];
      /** @description PayPal. */
      email?: string;
      /** @description Bank accounts. */
      accountHolder?: string;
      /** @description Bank accounts: an IBAN, or… */
      iban?: string;
      /** @description …a US account and routing number. */
      accountNumber?: string;
      routingNumber?: string;
    };
    /** @description A creator's numbers over the last `days` UTC days (days run from 00:00 UTC); earnings from the ledger. */
    CreatorAnalytics: {
      days: number;
      /** @description The first UTC day of the range. */
      from: string;
      /** @description The last UTC day (today). */
      to: string;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      subscribers: {
        /** @description With access now. */
        active: number;
        /** @description First subscribed in the range. */
        new: number;
        /** @description Whose access ended in the range. */
        churned: number;
        series: {
          /** @description A UTC day, `YYYY-MM-DD`. */
          day: string;
          /** @description With access at the end of the day (now, for today). */
          active: number;
          new: number;
          churned: number;
        }[];
      };
      earnings: {
        /** @description Integer cents. */
        totalCents: number;
        byType: components["schemas"]["EarningsByType"];
        series: components["schemas"]["EarningsDay"][];
      };
      topPosts: components["schemas"]["TopPost"][];
      messages: {
        /** @description Pay-per-view messages sent (each mass copy counts). */
        ppvSent: number;
        /** @description Pay-per-view messages bought. */
        ppvBought: number;
      };
    };
    /** @description Net earnings (after the site's fee, refunds and chargebacks). */
    EarningsByType: {
      /** @description Integer cents. */
      subscription: number;
      /** @description Integer cents. */
      renewal: number;
      /** @description Integer cents. */
      ppv: number;
      /** @description Integer cents. */
      message: number;
      /** @description Integer cents. */
      tip: number;
      /** @description Integer cents. */
      ticket: number;
    };
    EarningsDay: {
      /** @description A UTC day, `YYYY-MM-DD`. */
      day: string;
      /** @description Integer cents. */
      subscription: number;
      /** @description Integer cents. */
      renewal: number;
      /** @description Integer cents. */
      ppv: number;
      /** @description Integer cents. */
      message: number;
      /** @description Integer cents. */
      tip: number;
      /** @description Integer cents. */
      ticket: number;
      /** @description Integer cents. */
      totalCents: number;
    };
    TopPost: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @description The start of the post's text. */
      text: string;
      /** @enum {string} */
      visibility: "public" | "subscribers" | "ppv";
      /** @description Epoch milliseconds. */
      publishedAt: number;
      /** @description Unlocks and tips on it in the range, net. */
      earningsCents: number;
      /** @description Likes in the range. */
      likes: number;
      /** @description Comments in the range. */
      comments: number;
    };
    FanPage: {
      items: components["schemas"]["Fan"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    Fan: {
      user: components["schemas"]["PublicUser"];
      /** @description When they first subscribed. */
      since: number;
      /** @enum {string} */
      status: "active" | "expired";
      /** @description When it renews; null when it does not. */
      renewsAt: number | null;
      /** @description When access ends (not renewing) or ended (expired). */
      endsAt: number | null;
      /** @description What they paid this creator, less refunds and chargebacks. */
      spendCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      /** @description The creator's lists this fan is on. */
      listIds: string[];
    };
    FanLists: {
      items: components["schemas"]["FanList"][];
    };
    FanList: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      name: string;
      memberCount: number;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    FanListInput: {
      /** @description Trimmed; no control or text-direction characters. */
      name: string;
    };
    SystemStatus: {
      /** @description What /readyz answers: every check passed. */
      ok: boolean;
      /** @description Each /readyz check: `ok` or `error: …`. */
      checks: {
        [key: string]: string;
      };
      version: string;
      node: string;
      uptimeSeconds: number;
      database: {
        /** @enum {string} */
        engine: "sqlite" | "postgres";
        version: string;
        sizeBytes: number | null;
      };
      /** @description The file system of the data dir. */
      disk: {
        path: string;
        freeBytes: number;
        totalBytes: number;
      } | null;
      jobs: {
        queued: number;
        running: number;
        done: number;
        failed: number;
      };
      workers: {
        size: number;
        busy: number;
        queued: number;
      };
      ffmpeg: {
        found: boolean;
        path: string | null;
        version: string | null;
        source: string | null;
      };
      live: {
        streamsNow: number;
        ingest: {
          enabled: boolean;
          ingest: boolean;
          rtmpPort: number | null;
        };
      };
      websockets: {
        /** @description Open /ws sockets on this node. */
        connections: number;
      };
      mailOutbox: {
        /** @description Mails and pushes still to go out. */
        pending: number;
        /** @description Given up after every attempt. */
        failed: number;
      };
      /** @description The newest archive in the backups directory; null: never backed up. */
      lastBackup: {
        /** @description Epoch milliseconds. */
        at: number;
        ageSeconds: number;
        name: string;
      } | null;
    };
    AdminSettings: {
      name: string;
      /** @description The site's cut of every sale (two decimals). */
      platformFeePercent: number;
      payoutMinimumCents: number;
      /** @description Draw the site and creator on new image uploads. */
      watermark: boolean;
      /** @description Creators need an approved identity verification (KYC) to sell, go live or get paid. */
      requireCreatorVerification: boolean;
      /** @description The 2257 custodian-of-records statement (public). */
      custodianOfRecords: string;
      /** @description Days KYC and 2257 records are kept after their account is closed. */
      recordsRetentionDays: number;
      /** @description DMCA strikes that suspend a repeat infringer. */
      dmcaStrikeLimit: number;
      /** @description Days after a counter-notice before removed content may be restored. */
      dmcaRestoreWaitDays: number;
      /** @description A referrer's share of the platform fee on a referred creator's sales (percent). */
      referralSharePercent: number;
    };
    SettingsPatch: {
      /** @description Trimmed; no control or text-direction characters. */
      name?: string;
      platformFeePercent?: number;
      payoutMinimumCents?: number;
      watermark?: boolean;
      requireCreatorVerification?: boolean;
      /** @description Trimmed; no control or text-direction characters. */
      custodianOfRecords?: string;
      recordsRetentionDays?: number;
      dmcaStrikeLimit?: number;
      dmcaRestoreWaitDays?: number;
      referralSharePercent?: number;
    };
    AdminPayoutPage: {
      items: components["schemas"]["AdminPayout"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    AdminPayout: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      creator: components["schemas"]["PublicUser"];
      /** @description Integer cents. */
      amountCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      status: components["schemas"]["PayoutStatus"];
      /** @description The admin's note on a rejection. */
      note: string | null;
      /** @description The creator's masked payout method when they requested it. */
      destination: string | null;
      /** @description The transfer's reference, once paid. */
      reference: string | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description Epoch milliseconds. */
      decidedAt: number | null;
      /** @description Epoch milliseconds. */
      paidAt: number | null;
      method: {
        kind: components["schemas"]["PayoutMethodKind"];
        /** @description e.g. "PayPal j***@example.com", "Bank •••• 5432 (N. Reyes)". */
        masked: string;
        /** @description Epoch milliseconds. */
        updatedAt: number;
        /** @description Null when this site's key cannot open them (restored without it). */
        details:
          | {
              /** @enum {string} */
              kind: "paypal";
              email: string;
            }
          | {
              /** @enum {string} */
              kind: "bank";
              accountHolder: string;
              iban: string;
            }
          | {
              /** @enum {string} */
              kind: "bank";
              accountHolder: string;
              accountNumber: string;
              routingNumber: string;
            }
          | null;
      } | null;
    };
    RejectPayoutInput: {
      note?: string;
    };
    MarkPaidInput: {
      reference: string;
    };
    EmailSettings: {
      /**
       * @description `file`: .eml files under data_dir/mail, nothing is sent.
       * @enum {string}
       */
      transport: "file" | "smtp";
      /**
       * @description `config`: the config file sets SMTP and wins over saved settings; `site`: the saved SMTP settings; `default`: files.
       * @enum {string}
       */
      source: "config" | "site" | "default";
      smtp: {
        host: string;
        port: number;
        /** @enum {string} */
        security: "tls" | "starttls" | "none";
        username: string;
        from: string;
        passwordSet: boolean;
      } | null;
      /** @description The address mails are sent from. */
      from: string;
    };
    EmailSettingsInput: {
      /** @description null removes the saved SMTP settings. */
      smtp: components["schemas"]["SmtpInput"] | null;
    };
    SmtpInput: {
      host: string;
      port: number;
      /**
       * @description `tls` from the start (465), `starttls` required (587), `none` (a local relay).
       * @enum {string}
       */
      security: "tls" | "starttls" | "none";
      username: string;
      /** @description The sender address; empty: the config's `from`. */
      from: "" | string;
      /** @description Left out: keep the saved password. Empty: no password. */
      password?: string;
    };
    TestMailInput: {
      to: string;
    };
    JobPage: {
      items: components["schemas"]["Job"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    Job: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @description The handler, e.g. `media.process`. */
      name: string;
      payload?: unknown;
      status: components["schemas"]["JobStatus"];
      attempts: number;
      maxAttempts: number;
      /** @description Epoch milliseconds. */
      runAt: number;
      /** @description Epoch milliseconds. */
      lockedUntil: number | null;
      lastError: string | null;
      /** @description 0–100. */
      progress: number;
      result?: unknown;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description Epoch milliseconds. */
      updatedAt: number;
    };
    /** @enum {string} */
    JobStatus: "queued" | "running" | "done" | "failed";
    AdminTransactionPage: {
      items: components["schemas"]["AdminTransaction"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    AdminTransaction: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      kind: components["schemas"]["TxnKind"];
      label: string;
      /** @description In a wallet's history signed: + money in, − money out. */
      amountCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      source: components["schemas"]["PayWith"] | null;
      /** @description A random id, 26 base32 characters. */
      creatorId: string | null;
      /** @description A random id, 26 base32 characters. */
      postId: string | null;
      /** @description A random id, 26 base32 characters. */
      subscriptionId: string | null;
      memo: string | null;
      refunded: boolean;
      /** @description Epoch milliseconds. */
      createdAt: number;
      user: components["schemas"]["PublicUser"] | null;
      creator: components["schemas"]["PublicUser"] | null;
      refundable: boolean;
      /** @description A sale in full; a top-up what its wallet still holds. */
      refundableCents: number;
      /** @description Top-ups: refunded or charged back so far. */
      refundedCents: number;
    };
    /** @enum {string} */
    TxnKind:
      | "topup"
      | "subscription"
      | "renewal"
      | "ppv"
      | "message"
      | "tip"
      | "ticket"
      | "release"
      | "payout_request"
      | "payout_reject"
      | "payout_paid"
      | "refund"
      | "chargeback"
      | "chargeback_reversal"
      | "referral"
      | "referral_reversal"
      | "forfeit";
    Transaction: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      kind: components["schemas"]["TxnKind"];
      label: string;
      /** @description In a wallet's history signed: + money in, − money out. */
      amountCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      source: components["schemas"]["PayWith"] | null;
      /** @description A random id, 26 base32 characters. */
      creatorId: string | null;
      /** @description A random id, 26 base32 characters. */
      postId: string | null;
      /** @description A random id, 26 base32 characters. */
      subscriptionId: string | null;
      memo: string | null;
      refunded: boolean;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    RefundInput: {
      amountCents?: number;
    };
    AdminUserPage: {
      items: components["schemas"]["AdminUser"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    AdminUser: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      username: string;
      displayName: string;
      email: string;
      /** @enum {string} */
      role: "fan" | "creator" | "admin";
      status: components["schemas"]["UserStatus"];
      statusReason: string | null;
      /** @description Epoch milliseconds. */
      suspendedUntil: number | null;
      emailVerified: boolean;
      isCreator: boolean;
      verified: boolean;
      avatarUrl: string | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    /**
     * @description A suspension that ran out is `active`.
     * @enum {string}
     */
    UserStatus: "active" | "suspended" | "banned" | "deleted";
    AdminUserDetail: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      username: string;
      displayName: string;
      email: string;
      /** @enum {string} */
      role: "fan" | "creator" | "admin";
      status: components["schemas"]["UserStatus"];
      statusReason: string | null;
      /** @description Epoch milliseconds. */
      suspendedUntil: number | null;
      emailVerified: boolean;
      isCreator: boolean;
      verified: boolean;
      avatarUrl: string | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      posts: number;
      /** @description Fans with access now. */
      subscribers: number;
      earnings: {
        currency: string;
        pendingCents: number;
        availableCents: number;
      }[];
      /** @description Open reports about things this person made. */
      openReports: number;
    };
    BanInput: {
      reason: string;
    };
    SuspendInput: {
      /** @description When it ends (ms since epoch). */
      until: number;
      reason: string;
    };
    RoleInput: {
      /** @enum {string} */
      role: "fan" | "creator" | "admin";
    };
    ReportPage: {
      items: components["schemas"]["Report"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    Report: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      target: {
        /** @enum {string} */
        type: "post" | "comment" | "message" | "user" | "stream";
        id: string;
      };
      /** @enum {string} */
      reason: "spam" | "harassment" | "illegal" | "underage" | "copyright" | "impersonation" | "other";
      details: string;
      /** @enum {string} */
      status: "open" | "resolved";
      /** @description Epoch milliseconds. */
      createdAt: number;
      reporter: components["schemas"]["PublicUser"] & (Record<string, never> | null);
      preview: components["schemas"]["ReportPreview"];
      resolution: {
        /** @enum {string} */
        action: "dismiss" | "remove_content" | "ban_user";
        note: string | null;
        by: components["schemas"]["PublicUser"] & (Record<string, never> | null);
        /** @description Epoch milliseconds. */
        at: number;
      } | null;
    };
    ReportPreview: {
      /** @description What it said (or its title, or the person's name) when reported. */
      text: string;
      author: components["schemas"]["PublicUser"] & (Record<string, never> | null);
      /** @description A web path to open it; null for a private message. */
      link: string | null;
    };
    ResolveReportInput: {
      action: components["schemas"]["ReportAction"];
      note?: string;
    };
    /** @enum {string} */
    ReportAction: "dismiss" | "remove_content" | "ban_user";
    ReportInput: {
      target: {
        type: components["schemas"]["ReportTargetType"];
        id: string;
      };
      reason: components["schemas"]["ReportReason"];
      details?: string;
    };
    /** @enum {string} */
    ReportTargetType: "post" | "comment" | "message" | "user" | "stream";
    /** @enum {string} */
    ReportReason: "spam" | "harassment" | "illegal" | "underage" | "copyright" | "impersonation" | "other";
    AuditPage: {
      items: components["schemas"]["AuditEntry"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    AuditEntry: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @description The entry's place in the chain: 1, 2, 3… */
      seq: number;
      /** @description Epoch milliseconds. */
      at: number;
      /** @description Null for the site itself (scheduler, CLI). */
      actor: {
        /** @description A random id, 26 base32 characters. */
        id: string;
        username: string | null;
      } | null;
      action: string;
      target: {
        type: string;
        id: string;
      } | null;
      ip: string | null;
      details: {
        [key: string]: unknown;
      };
      /** @description SHA-256 over the entry and the hash before it. */
      hash: string;
    };
    AdminKycPage: {
      items: components["schemas"]["AdminKyc"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    AdminKyc: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      status: components["schemas"]["KycStatus"];
      legalName: string;
      /** @description YYYY-MM-DD. */
      dateOfBirth: string;
      country: string;
      rejectionReason: string | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description Epoch milliseconds. */
      reviewedAt: number | null;
      user: {
        /** @description A random id, 26 base32 characters. */
        id: string;
        username: string;
        displayName: string;
      };
      /** @description A random id, 26 base32 characters. */
      reviewerId: string | null;
      documents: components["schemas"]["ComplianceDocument"][];
    };
    /** @enum {string} */
    KycStatus: "pending" | "approved" | "rejected";
    ComplianceDocument: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @enum {string} */
      kind: "id_document" | "selfie" | "release";
      mime: string;
      sizeBytes: number;
      fileName: string;
      /** @description The admin-only route that decrypts it. */
      url: string;
    };
    ReasonInput: {
      /** @description Shown to the person. */
      reason: string;
    };
    AdminDmcaPage: {
      items: components["schemas"]["AdminDmcaNotice"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    AdminDmcaNotice: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      status: components["schemas"]["DmcaStatus"];
      claimant: {
        name: string;
        email: string;
        address: string;
        phone: string | null;
      };
      work: string;
      urls: string[];
      signature: string;
      ip: string | null;
      /** @description What the takedown removed. */
      targets:
        | {
            /** @enum {string} */
            type: "post";
            /** @description A random id, 26 base32 characters. */
            id: string;
            /** @description A random id, 26 base32 characters. */
            creatorId: string;
            /** @description Epoch milliseconds. */
            publishedAt: number | null;
            url: string;
          }[]
        | null;
      rejectReason: string | null;
      /** @description Epoch milliseconds. */
      decidedAt: number | null;
      /** @description Epoch milliseconds. */
      restoredAt: number | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      strikes: {
        /** @description A random id, 26 base32 characters. */
        userId: string;
        username: string;
        counter: components["schemas"]["CounterNotice"] | null;
        /** @description Epoch milliseconds. */
        counteredAt: number | null;
        /** @description Epoch milliseconds. */
        restorableAt: number | null;
        /** @description Epoch milliseconds. */
        withdrawnAt: number | null;
        /** @description Epoch milliseconds. */
        createdAt: number;
      }[];
    };
    /** @enum {string} */
    DmcaStatus: "open" | "taken_down" | "rejected" | "countered" | "restored";
    CounterNotice: {
      name: string;
      address: string;
      phone: string | null;
      email: string;
      material: string;
      /** @enum {boolean} */
      mistakeStatement: true;
      /** @enum {boolean} */
      jurisdictionConsent: true;
      signature: string;
    };
    AdminDmcaNoticeDetail: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      status: components["schemas"]["DmcaStatus"];
      claimant: {
        name: string;
        email: string;
        address: string;
        phone: string | null;
      };
      work: string;
      urls: string[];
      signature: string;
      ip: string | null;
      /** @description What the takedown removed. */
      targets:
        | {
            /** @enum {string} */
            type: "post";
            /** @description A random id, 26 base32 characters. */
            id: string;
            /** @description A random id, 26 base32 characters. */
            creatorId: string;
            /** @description Epoch milliseconds. */
            publishedAt: number | null;
            url: string;
          }[]
        | null;
      rejectReason: string | null;
      /** @description Epoch milliseconds. */
      decidedAt: number | null;
      /** @description Epoch milliseconds. */
      restoredAt: number | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      strikes: {
        /** @description A random id, 26 base32 characters. */
        userId: string;
        username: string;
        counter: components["schemas"]["CounterNotice"] | null;
        /** @description Epoch milliseconds. */
        counteredAt: number | null;
        /** @description Epoch milliseconds. */
        restorableAt: number | null;
        /** @description Epoch milliseconds. */
        withdrawnAt: number | null;
        /** @description Epoch milliseconds. */
        createdAt: number;
      }[];
      /** @description While open: the posts of this site its URLs name now (what a takedown removes). */
      resolved:
        | {
            /** @enum {string} */
            type: "post";
            /** @description A random id, 26 base32 characters. */
            id: string;
            /** @description A random id, 26 base32 characters. */
            creatorId: string;
            /** @description Epoch milliseconds. */
            publishedAt: number | null;
            url: string;
          }[]
        | null;
    };
    SignInProviderSettingsList: {
      items: components["schemas"]["SignInProviderSettings"][];
      /** @description A provider's redirect URI is this followed by `<id>/callback` (from server.public_url). */
      redirectUriBase: string;
    };
    SignInProviderSettings: {
      id: string;
      name: string;
      issuer: string;
      clientId: string;
      clientSecretSet: boolean;
      scopes: string[];
      enabled: boolean;
      /**
       * @description `config`: set in the config file, read-only here.
       * @enum {string}
       */
      source: "config" | "site";
    };
    SignInProviderInput: {
      name: string;
      /** Format: uri */
      issuer: string;
      clientId: string;
      /** @description Left out: the saved one stays; "" removes it. */
      clientSecret?: string;
      /**
       * @default [
       *       "openid",
       *       "email",
       *       "profile"
       *     ]
       */
      scopes?: string[];
      /** @default true */
      enabled?: boolean;
    };
    Kyc: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      status: components["schemas"]["KycStatus"];
      legalName: string;
      /** @description YYYY-MM-DD. */
      dateOfBirth: string;
      country: string;
      rejectionReason: string | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description Epoch milliseconds. */
      reviewedAt: number | null;
    };
    MyKyc: {
      kyc: components["schemas"]["Kyc"] | null;
      /** @description Whether this site requires creators to be verified. */
      required: boolean;
    };
    Release: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      legalName: string;
      dateOfBirth: string;
      otherNames: string[];
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    ReleasePage: {
      items: components["schemas"]["Release"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    RecordsStatement: {
      siteName: string;
      custodianOfRecords: string;
    };
    HeldPosts: {
      items: {
        /** @description A random id, 26 base32 characters. */
        postId: string;
        /** @description Epoch milliseconds. */
        publishAt: number | null;
        waitingFor: {
          username: string;
          status: components["schemas"]["PerformerStatus"];
        }[];
      }[];
    };
    /** @enum {string} */
    PerformerStatus: "pending" | "confirmed" | "declined";
    PostPerformers: {
      /** @description Kept unpublished until every co-performer confirmed. */
      held: boolean;
      coPerformers: {
        username: string;
        status: components["schemas"]["PerformerStatus"];
      }[];
      releases: {
        /** @description A random id, 26 base32 characters. */
        id: string;
        legalName: string;
      }[];
    };
    CoPerformerRequestPage: {
      items: components["schemas"]["CoPerformerRequest"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    CoPerformerRequest: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @description A random id, 26 base32 characters. */
      postId: string;
      creator: {
        username: string;
        displayName: string;
      };
      status: components["schemas"]["PerformerStatus"];
      /** @description Epoch milliseconds. */
      createdAt: number;
      /** @description Epoch milliseconds. */
      decidedAt: number | null;
    };
    DmcaReceipt: {
      notice: {
        /** @description A random id, 26 base32 characters. */
        id: string;
        status: components["schemas"]["DmcaStatus"];
        /** @description Epoch milliseconds. */
        createdAt: number;
      };
    };
    DmcaNoticeInput: {
      claimant: {
        /** @description The claimant's full name (the copyright owner or their agent). */
        name: string;
        /** Format: email */
        email: string;
        /** @description Postal address. */
        address: string;
        phone?: string;
      };
      /** @description The copyrighted work claimed to be infringed (or a list of them). */
      work: string;
      urls: string[];
      /**
       * @description Must be true: a statement that you have a good-faith belief that the use is not authorised by the owner, its agent or the law
       * @enum {boolean}
       */
      goodFaith: true;
      /**
       * @description Must be true: a statement, under penalty of perjury, that the notice is accurate and you are the owner or authorised to act for them
       * @enum {boolean}
       */
      accuracy: true;
      /** @description Your full legal name, typed, as your electronic signature. */
      signature: string;
    };
    DmcaNoticePage: {
      items: components["schemas"]["DmcaNotice"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    DmcaNotice: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      status: components["schemas"]["DmcaStatus"];
      claimant: {
        name: string;
        email: string;
      };
      work: string;
      urls: string[];
      postIds: string[];
      /** @description Epoch milliseconds. */
      decidedAt: number | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
      counter: components["schemas"]["CounterNotice"] | null;
      /** @description Epoch milliseconds. */
      counteredAt: number | null;
      /** @description When the admin may restore, after a counter-notice. */
      restorableAt: number | null;
      /** @description Set when the content was restored (the strike no longer counts). */
      withdrawnAt: number | null;
    };
    CounterNoticeInput: {
      /** @description Your full legal name. */
      name: string;
      /** @description Postal address. */
      address: string;
      /** @description Telephone number. */
      phone: string;
      /** Format: email */
      email: string;
      /** @description The material removed and where it appeared before removal. */
      material: string;
      /**
       * @description Must be true: a statement under penalty of perjury that you believe in good faith the material was removed by mistake or misidentification
       * @enum {boolean}
       */
      mistakeStatement: true;
      /**
       * @description Must be true: consent to the jurisdiction of the federal district court for your address (or, outside the US, any district where this site may be found), and to accept service of process from the claimant
       * @enum {boolean}
       */
      jurisdictionConsent: true;
      /** @description Your full legal name, typed, as your electronic signature. */
      signature: string;
    };
    NotificationPage: {
      items: components["schemas"]["Notification"][];
      nextCursor: string | null;
      /** @description Unread notifications in all. */
      unread: number;
    };
    Notification: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @description `message`, `new_subscriber`, `trial_started`, `subscription_renewed`, `tip`, `ppv_sale`, `like`, `comment`, `payout_approved`, `payout_rejected`, `payout_paid`, `refund`, `chargeback`, `renewal_failed`, `checkout_credited`. */
      kind: string;
      /** @description Names the person and the amount, e.g. “Ana and 4 others liked your post.” */
      text: string;
      /** @description The web page it is about (a path), e.g. `/posts/<id>`. */
      link: string | null;
      /** @description Ids (and amounts) the notification is about. */
      data: {
        [key: string]: unknown;
      };
      /** @description Who did it, latest first (the last few of a group). */
      actorIds: string[];
      /** @description Events grouped into it (likes of one post, messages of one conversation). */
      count: number;
      read: boolean;
      /** @description When it last changed: a grouped notification moves up with each event. */
      createdAt: number;
    };
    Conversation: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      with: components["schemas"]["PublicUser"];
      lastMessage: components["schemas"]["Message"] | null;
      unreadCount: number;
      /** @description The other person's last-read message (read ticks). */
      readUpTo: {
        /** @description A random id, 26 base32 characters. */
        messageId: string;
        /** @description Epoch milliseconds. */
        at: number;
      } | null;
      /** @description The latest activity: the list is ordered by it. */
      updatedAt: number;
      /** @description Single conversation only: whether the viewer may write now, and why not. */
      canWrite?: {
        ok: boolean;
        code: string | null;
        reason: string | null;
      };
    };
    Message: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      /** @description A random id, 26 base32 characters. */
      conversationId: string;
      /** @description A random id, 26 base32 characters. */
      senderId: string;
      /** @description Shown even while locked: the teaser of a pay-per-view message. */
      text: string;
      /** @description 0 for a free message. */
      priceCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      /** @description Pay-per-view not bought by this viewer: media are blurred previews. */
      locked: boolean;
      /** @description Pay-per-view bought by the recipient. */
      purchased: boolean;
      media: components["schemas"]["Media"][];
      /** @description The sender's retry key (only in the sender's view). */
      clientId: string | null;
      /** @description Set on a copy of a mass message. */
      massMessageId: string | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    StartConversationInput: {
      username: string;
    };
    ConversationPage: {
      items: components["schemas"]["Conversation"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    UnreadMessages: {
      /** @description Unread messages in all. */
      unread: number;
      /** @description Conversations with unread messages. */
      conversations: number;
    };
    MessagePage: {
      items: components["schemas"]["Message"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    NewMessageInput: {
      /** @description Trimmed; no control or text-direction characters. */
      text?: string;
      /** @description In order; from the sender's vault (or a fresh upload). At most 20. */
      mediaIds?: string[];
      /** @description Above 0: pay-per-view (creators only, media required); the recipient sees it locked. */
      priceCents?: number;
      /** @description The client's retry key: a retry with the same one returns the same message (200). */
      clientId?: string;
    };
    ReadUpToInput: {
      /** @description A random id, 26 base32 characters. */
      messageId: string;
    };
    MassMessage: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      text: string;
      mediaIds: string[];
      /** @description Integer cents. */
      priceCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      /** @enum {string} */
      audience: "subscribers" | "expired" | "all" | "list";
      /** @description The fan list it goes to (audience `list`). */
      listId: string | null;
      status: components["schemas"]["MassMessageStatus"];
      /** @description Fans it goes to (counted when sending starts). */
      total: number;
      sent: number;
      /** @description Epoch milliseconds. */
      sendAt: number;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    /** @enum {string} */
    MassMessageStatus: "scheduled" | "sending" | "done" | "canceled";
    MassMessageInput: {
      /** @description Trimmed; no control or text-direction characters. */
      text?: string;
      /** @description In order; from the sender's vault (or a fresh upload). At most 20. */
      mediaIds?: string[];
      /** @description Above 0: pay-per-view (creators only, media required); the recipient sees it locked. */
      priceCents?: number;
      audience: components["schemas"]["MassAudience"] | components["schemas"]["MassListAudience"];
      /** @description Schedule it (epoch ms or ISO 8601, within 90 days); now when left out. */
      sendAt?: number | string;
    };
    /**
     * @description `subscribers`: live subscribers; `expired`: fans whose subscription lapsed; `all`: both.
     * @enum {string}
     */
    MassAudience: "subscribers" | "expired" | "all";
    /** @description The members of one of the creator's fan lists. */
    MassListAudience: {
      listId: string;
    };
    MassMessagePage: {
      items: components["schemas"]["MassMessage"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    /** @description How many fans each audience holds now (people who blocked each other are left out when it is sent). */
    MassAudienceSizes: {
      /** @description Live subscribers. */
      subscribers: number;
      /** @description Fans whose subscription lapsed. */
      expired: number;
      /** @description Both. */
      all: number;
      /** @description The `listId` list's members the creator may write to. */
      list?: number;
    };
    PushKey: {
      /** @description The VAPID application server key (base64url). */
      publicKey: string;
    };
    /** @description As the browser's PushSubscription.toJSON() gives it. */
    PushSubscriptionInput: {
      /** Format: uri */
      endpoint: string;
      keys: {
        p256dh: string;
        auth: string;
      };
    };
    PushUnsubscribeInput: {
      /** Format: uri */
      endpoint: string;
    };
    OwnMediaPage: {
      items: components["schemas"]["OwnMedia"][];
      /** @description Send as `cursor` for the next page; null on the last page. */
      nextCursor: string | null;
    };
    Wallet: {
      /** @description Integer cents. */
      balanceCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      transactions: components["schemas"]["WalletTxn"][];
      nextCursor: string | null;
    };
    WalletTxn: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      kind: components["schemas"]["TxnKind"];
      label: string;
      /** @description In a wallet's history signed: + money in, − money out. */
      amountCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      source: components["schemas"]["PayWith"] | null;
      /** @description A random id, 26 base32 characters. */
      creatorId: string | null;
      /** @description A random id, 26 base32 characters. */
      postId: string | null;
      /** @description A random id, 26 base32 characters. */
      subscriptionId: string | null;
      memo: string | null;
      refunded: boolean;
      /** @description Epoch milliseconds. */
      createdAt: number;
      creator: components["schemas"]["PublicUser"] | null;
    };
    TopupInput: {
      amountCents: number;
    };
    TipInput: {
      /** @description The creator's username. */
      creator: string;
      amountCents: number;
      postId?: string;
      /** @description A tip during this live stream of the creator: shown to everyone watching. */
      liveStreamId?: string;
      /** @description Trimmed; no control or text-direction characters. */
      message?: string;
      payWith?: components["schemas"]["PayWith"];
    };
    Earnings: {
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      /** @description Days a sale stays pending before it can be paid out. */
      holdDays: number;
      /** @description The smallest payout a creator may request. */
      payoutMinimumCents: number;
      /** @description Integer cents. */
      pendingCents: number;
      /** @description Integer cents. */
      availableCents: number;
      /** @description Integer cents. */
      lifetimeCents: number;
      byType: {
        /** @description Integer cents. */
        subscription: number;
        /** @description Integer cents. */
        ppv: number;
        /** @description Integer cents. */
        message: number;
        /** @description Integer cents. */
        tip: number;
        /** @description Integer cents. */
        ticket: number;
        /** @description Referral shares of referred creators' platform fees (net of reversals). */
        referral: number;
      };
      byMonth: {
        /** @description YYYY-MM */
        month: string;
        /** @description Integer cents. */
        cents: number;
      }[];
      /** @description Earned in another currency (before a change); never in the figures above. */
      otherCurrencies: {
        /** @description ISO 4217 code, e.g. `USD`. */
        currency: string;
        /** @description Integer cents. */
        pendingCents: number;
        /** @description Integer cents. */
        availableCents: number;
        /** @description Integer cents. */
        lifetimeCents: number;
      }[];
    };
    SandboxCheckout: {
      /** @description A random id, 26 base32 characters. */
      id: string;
      purpose: components["schemas"]["CheckoutPurpose"];
      /** @description Integer cents. */
      amountCents: number;
      /** @description ISO 4217 code, e.g. `USD`. */
      currency: string;
      /** @enum {string} */
      status: "open" | "paid" | "failed" | "expired";
      failureReason: string | null;
      /** @description Epoch milliseconds. */
      createdAt: number;
    };
    /** @enum {string} */
    CheckoutPurpose: "topup" | "subscription" | "ppv" | "message" | "tip" | "ticket";
    WebhookReceipt: {
      received: boolean;
      /** @description The event was seen before; nothing changed. */
      duplicate: boolean;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type Site = components["schemas"]["Site"];
export type ErrorBody = components["schemas"]["ErrorBody"];
export type SetupResult = components["schemas"]["SetupResult"];
export type User = components["schemas"]["User"];
export type Role = components["schemas"]["Role"];
export type SetupInput = components["schemas"]["SetupInput"];
export type Session = components["schemas"]["Session"];
export type SignupInput = components["schemas"]["SignupInput"];
export type LoginResult = components["schemas"]["LoginResult"];
export type TwoFactorChallenge = components["schemas"]["TwoFactorChallenge"];
export type LoginInput = components["schemas"]["LoginInput"];
export type Login2faInput = components["schemas"]["Login2faInput"];
export type PasskeyOptions = components["schemas"]["PasskeyOptions"];
export type PasskeyLoginInput = components["schemas"]["PasskeyLoginInput"];
export type TwoFactorStatus = components["schemas"]["TwoFactorStatus"];
export type TwoFactorSetup = components["schemas"]["TwoFactorSetup"];
export type RecoveryCodes = components["schemas"]["RecoveryCodes"];
export type TwoFactorEnableInput = components["schemas"]["TwoFactorEnableInput"];
export type TwoFactorDisableInput = components["schemas"]["TwoFactorDisableInput"];
export type PasskeyList = components["schemas"]["PasskeyList"];
export type Passkey = components["schemas"]["Passkey"];
export type PasskeyRegisterInput = components["schemas"]["PasskeyRegisterInput"];
export type PasskeyRenameInput = components["schemas"]["PasskeyRenameInput"];
export type SessionList = components["schemas"]["SessionList"];
export type SessionInfo = components["schemas"]["SessionInfo"];
export type PasswordChangeInput = components["schemas"]["PasswordChangeInput"];
export type PasswordResetAccepted = components["schemas"]["PasswordResetAccepted"];
export type PasswordResetInput = components["schemas"]["PasswordResetInput"];
export type PasswordResetConfirmInput = components["schemas"]["PasswordResetConfirmInput"];
export type EmailVerifyInput = components["schemas"]["EmailVerifyInput"];
export type CreatedApiKey = components["schemas"]["CreatedApiKey"];
export type ApiScope = components["schemas"]["ApiScope"];
export type ApiKey = components["schemas"]["ApiKey"];
export type CreatedWebhook = components["schemas"]["CreatedWebhook"];
export type WebhookEventType = components["schemas"]["WebhookEventType"];
export type Webhook = components["schemas"]["Webhook"];
export type WebhookDelivery = components["schemas"]["WebhookDelivery"];
export type WebhookDeliveryPage = components["schemas"]["WebhookDeliveryPage"];
export type SignInProviderList = components["schemas"]["SignInProviderList"];
export type SsoStart = components["schemas"]["SsoStart"];
export type SsoStartInput = components["schemas"]["SsoStartInput"];
export type SsoPendingSignup = components["schemas"]["SsoPendingSignup"];
export type SsoSignupResult = components["schemas"]["SsoSignupResult"];
export type SsoSignupInput = components["schemas"]["SsoSignupInput"];
export type LinkedIdentityList = components["schemas"]["LinkedIdentityList"];
export type NotificationSettings = components["schemas"]["NotificationSettings"];
export type NotificationChannels = components["schemas"]["NotificationChannels"];
export type NotificationSettingsPatch = components["schemas"]["NotificationSettingsPatch"];
export type DataExport = components["schemas"]["DataExport"];
export type DataExportStatus = components["schemas"]["DataExportStatus"];
export type EraseAccountInput = components["schemas"]["EraseAccountInput"];
export type BlockedPeople = components["schemas"]["BlockedPeople"];
export type Creator = components["schemas"]["Creator"];
export type Bundle = components["schemas"]["Bundle"];
export type DmPolicy = components["schemas"]["DmPolicy"];
export type CreatorProfileInput = components["schemas"]["CreatorProfileInput"];
export type BundleMonths = components["schemas"]["BundleMonths"];
export type CountryCode = components["schemas"]["CountryCode"];
export type OwnMedia = components["schemas"]["OwnMedia"];
export type MediaKind = components["schemas"]["MediaKind"];
export type MediaStatus = components["schemas"]["MediaStatus"];
export type MediaUrls = components["schemas"]["MediaUrls"];
export type CreatorPage = components["schemas"]["CreatorPage"];
export type CreatorViewer = components["schemas"]["CreatorViewer"];
export type PostPage = components["schemas"]["PostPage"];
export type Post = components["schemas"]["Post"];
export type PublicUser = components["schemas"]["PublicUser"];
export type Visibility = components["schemas"]["Visibility"];
export type PostStatus = components["schemas"]["PostStatus"];
export type Media = components["schemas"]["Media"];
export type CreatorLive = components["schemas"]["CreatorLive"];
export type LiveStream = components["schemas"]["LiveStream"];
export type StreamKey = components["schemas"]["StreamKey"];
export type LiveStreamEnvelope = components["schemas"]["LiveStreamEnvelope"];
export type NewLiveStreamInput = components["schemas"]["NewLiveStreamInput"];
export type LiveStreamPage = components["schemas"]["LiveStreamPage"];
export type LiveNow = components["schemas"]["LiveNow"];
export type LiveStreamPatch = components["schemas"]["LiveStreamPatch"];
export type CheckoutStart = components["schemas"]["CheckoutStart"];
export type UnlockInput = components["schemas"]["UnlockInput"];
export type PayWith = components["schemas"]["PayWith"];
export type LiveChatPage = components["schemas"]["LiveChatPage"];
export type LiveChatItem = components["schemas"]["LiveChatItem"];
export type LiveModerationInput = components["schemas"]["LiveModerationInput"];
export type NewPostInput = components["schemas"]["NewPostInput"];
export type PostPatch = components["schemas"]["PostPatch"];
export type CommentPage = components["schemas"]["CommentPage"];
export type Comment = components["schemas"]["Comment"];
export type CommentInput = components["schemas"]["CommentInput"];
export type BookmarkState = components["schemas"]["BookmarkState"];
export type SearchResult = components["schemas"]["SearchResult"];
export type Subscription = components["schemas"]["Subscription"];
export type SubscribeInput = components["schemas"]["SubscribeInput"];
export type SubscriptionMonths = components["schemas"]["SubscriptionMonths"];
export type SubscriptionPage = components["schemas"]["SubscriptionPage"];
export type Promotion = components["schemas"]["Promotion"];
export type PromotionInput = components["schemas"]["PromotionInput"];
export type PromotionPage = components["schemas"]["PromotionPage"];
export type ReferralInfo = components["schemas"]["ReferralInfo"];
export type Payout = components["schemas"]["Payout"];
export type PayoutStatus = components["schemas"]["PayoutStatus"];
export type PayoutRequestInput = components["schemas"]["PayoutRequestInput"];
export type PayoutPage = components["schemas"]["PayoutPage"];
export type PayoutMethod = components["schemas"]["PayoutMethod"];
export type PayoutMethodKind = components["schemas"]["PayoutMethodKind"];
export type PayoutMethodInput = components["schemas"]["PayoutMethodInput"];
export type CreatorAnalytics = components["schemas"]["CreatorAnalytics"];
export type EarningsByType = components["schemas"]["EarningsByType"];
export type EarningsDay = components["schemas"]["EarningsDay"];
export type TopPost = components["schemas"]["TopPost"];
export type FanPage = components["schemas"]["FanPage"];
export type Fan = components["schemas"]["Fan"];
export type FanLists = components["schemas"]["FanLists"];
export type FanList = components["schemas"]["FanList"];
export type FanListInput = components["schemas"]["FanListInput"];
export type SystemStatus = components["schemas"]["SystemStatus"];
export type AdminSettings = components["schemas"]["AdminSettings"];
export type SettingsPatch = components["schemas"]["SettingsPatch"];
export type AdminPayoutPage = components["schemas"]["AdminPayoutPage"];
export type AdminPayout = components["schemas"]["AdminPayout"];
export type RejectPayoutInput = components["schemas"]["RejectPayoutInput"];
export type MarkPaidInput = components["schemas"]["MarkPaidInput"];
export type EmailSettings = components["schemas"]["EmailSettings"];
export type EmailSettingsInput = components["schemas"]["EmailSettingsInput"];
export type SmtpInput = components["schemas"]["SmtpInput"];
export type TestMailInput = components["schemas"]["TestMailInput"];
export type JobPage = components["schemas"]["JobPage"];
export type Job = components["schemas"]["Job"];
export type JobStatus = components["schemas"]["JobStatus"];
export type AdminTransactionPage = components["schemas"]["AdminTransactionPage"];
export type AdminTransaction = components["schemas"]["AdminTransaction"];
export type TxnKind = components["schemas"]["TxnKind"];
export type Transaction = components["schemas"]["Transaction"];
export type RefundInput = components["schemas"]["RefundInput"];
export type AdminUserPage = components["schemas"]["AdminUserPage"];
export type AdminUser = components["schemas"]["AdminUser"];
export type UserStatus = components["schemas"]["UserStatus"];
export type AdminUserDetail = components["schemas"]["AdminUserDetail"];
export type BanInput = components["schemas"]["BanInput"];
export type SuspendInput = components["schemas"]["SuspendInput"];
export type RoleInput = components["schemas"]["RoleInput"];
export type ReportPage = components["schemas"]["ReportPage"];
export type Report = components["schemas"]["Report"];
export type ReportPreview = components["schemas"]["ReportPreview"];
export type ResolveReportInput = components["schemas"]["ResolveReportInput"];
export type ReportAction = components["schemas"]["ReportAction"];
export type ReportInput = components["schemas"]["ReportInput"];
export type ReportTargetType = components["schemas"]["ReportTargetType"];
export type ReportReason = components["schemas"]["ReportReason"];
export type AuditPage = components["schemas"]["AuditPage"];
export type AuditEntry = components["schemas"]["AuditEntry"];
export type AdminKycPage = components["schemas"]["AdminKycPage"];
export type AdminKyc = components["schemas"]["AdminKyc"];
export type KycStatus = components["schemas"]["KycStatus"];
export type ComplianceDocument = components["schemas"]["ComplianceDocument"];
export type ReasonInput = components["schemas"]["ReasonInput"];
export type AdminDmcaPage = components["schemas"]["AdminDmcaPage"];
export type AdminDmcaNotice = components["schemas"]["AdminDmcaNotice"];
export type DmcaStatus = components["schemas"]["DmcaStatus"];
export type CounterNotice = components["schemas"]["CounterNotice"];
export type AdminDmcaNoticeDetail = components["schemas"]["AdminDmcaNoticeDetail"];
export type SignInProviderSettingsList = components["schemas"]["SignInProviderSettingsList"];
export type SignInProviderSettings = components["schemas"]["SignInProviderSettings"];
export type SignInProviderInput = components["schemas"]["SignInProviderInput"];
export type Kyc = components["schemas"]["Kyc"];
export type MyKyc = components["schemas"]["MyKyc"];
export type Release = components["schemas"]["Release"];
export type ReleasePage = components["schemas"]["ReleasePage"];
export type RecordsStatement = components["schemas"]["RecordsStatement"];
export type HeldPosts = components["schemas"]["HeldPosts"];
export type PerformerStatus = components["schemas"]["PerformerStatus"];
export type PostPerformers = components["schemas"]["PostPerformers"];
export type CoPerformerRequestPage = components["schemas"]["CoPerformerRequestPage"];
export type CoPerformerRequest = components["schemas"]["CoPerformerRequest"];
export type DmcaReceipt = components["schemas"]["DmcaReceipt"];
export type DmcaNoticeInput = components["schemas"]["DmcaNoticeInput"];
export type DmcaNoticePage = components["schemas"]["DmcaNoticePage"];
export type DmcaNotice = components["schemas"]["DmcaNotice"];
export type CounterNoticeInput = components["schemas"]["CounterNoticeInput"];
export type NotificationPage = components["schemas"]["NotificationPage"];
export type Notification = components["schemas"]["Notification"];
export type Conversation = components["schemas"]["Conversation"];
export type Message = components["schemas"]["Message"];
export type StartConversationInput = components["schemas"]["StartConversationInput"];
export type ConversationPage = components["schemas"]["ConversationPage"];
export type UnreadMessages = components["schemas"]["UnreadMessages"];
export type MessagePage = components["schemas"]["MessagePage"];
export type NewMessageInput = components["schemas"]["NewMessageInput"];
export type ReadUpToInput = components["schemas"]["ReadUpToInput"];
export type MassMessage = components["schemas"]["MassMessage"];
export type MassMessageStatus = components["schemas"]["MassMessageStatus"];
export type MassMessageInput = components["schemas"]["MassMessageInput"];
export type MassAudience = components["schemas"]["MassAudience"];
export type MassListAudience = components["schemas"]["MassListAudience"];
export type MassMessagePage = components["schemas"]["MassMessagePage"];
export type MassAudienceSizes = components["schemas"]["MassAudienceSizes"];
export type PushKey = components["schemas"]["PushKey"];
export type PushSubscriptionInput = components["schemas"]["PushSubscriptionInput"];
export type PushUnsubscribeInput = components["schemas"]["PushUnsubscribeInput"];
export type OwnMediaPage = components["schemas"]["OwnMediaPage"];
export type Wallet = components["schemas"]["Wallet"];
export type WalletTxn = components["schemas"]["WalletTxn"];
export type TopupInput = components["schemas"]["TopupInput"];
export type TipInput = components["schemas"]["TipInput"];
export type Earnings = components["schemas"]["Earnings"];
export type SandboxCheckout = components["schemas"]["SandboxCheckout"];
export type CheckoutPurpose = components["schemas"]["CheckoutPurpose"];
export type WebhookReceipt = components["schemas"]["WebhookReceipt"];
export type $defs = Record<string, never>;
export interface operations {
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            [key: string]: unknown;
          };
        };
      };
    };
  };
  getSite: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The site. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            site: components["schemas"]["Site"];
          };
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  completeSetup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SetupInput"];
      };
    };
    responses: {
      /** @description The site is set up; the admin is logged in. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SetupResult"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `bad_setup_token`: the token is not the one the server printed.
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `setup_done`: setup is already complete.
       *     - `email_taken`, `username_taken`.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  signup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SignupInput"];
      };
    };
    responses: {
      /** @description The new account, logged in. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Session"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `email_taken`, `username_taken`: `details.fields` names the field. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many sign-ups from this network. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["LoginInput"];
      };
    };
    responses: {
      /** @description Logged in, or the second step is needed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LoginResult"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `invalid_credentials`: the email or password is incorrect.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `banned`, `suspended`, `account_deleted`: the account may not be used (the message says until when).
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many failed attempts for this account or network. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  loginSecondFactor: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["Login2faInput"];
      };
    };
    responses: {
      /** @description Logged in. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Session"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `invalid_challenge`: the challenge is unknown, expired or was used; log in again.
       *     - `invalid_code`: the code is wrong, or was used already (each code works once).
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `banned`, `suspended`, `account_deleted`.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many wrong codes or passwords (the same limits as log-in). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  passkeyLoginOptions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Options for `startAuthentication`, and the flow id. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PasskeyOptions"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many passkey sign-ins from this network. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  passkeyLogin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PasskeyLoginInput"];
      };
    };
    responses: {
      /** @description Logged in. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Session"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `invalid_challenge`: the flow is unknown, expired or was used.
       *     - `passkey_rejected`: unknown passkey, a bad signature, no user verification, or a counter that went back.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `banned`, `suspended`, `account_deleted`.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  logout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Logged out; the cookie is cleared. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  logoutEverywhere: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every session ended; the cookie is cleared. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getTwoFactor: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The state. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TwoFactorStatus"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  setupTwoFactor: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Scan the QR code or type the secret into the app. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TwoFactorSetup"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `two_factor_enabled`: it is on already; turn it off first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  enableTwoFactor: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TwoFactorEnableInput"];
      };
    };
    responses: {
      /** @description On. Keep the recovery codes somewhere safe. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RecoveryCodes"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_code`: the code is wrong or was used already (`details.fields.code`).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `two_factor_enabled`: on already.
       *     - `no_pending_setup`: start with `POST /auth/2fa/setup`.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many wrong codes (the log-in limits). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  disableTwoFactor: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TwoFactorDisableInput"];
      };
    };
    responses: {
      /** @description Off; the recovery codes are gone and a notice is mailed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_code`: the code is wrong or was used already (`details.fields.code`).
       *     - `invalid_password`: the password is not right.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `two_factor_disabled`: it is not on. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many wrong codes (the log-in limits). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  renewRecoveryCodes: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TwoFactorEnableInput"];
      };
    };
    responses: {
      /** @description The new codes, shown once. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["RecoveryCodes"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_code`: the code is wrong or was used already (`details.fields.code`).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `two_factor_disabled`: it is not on. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many wrong codes (the log-in limits). */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listPasskeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PasskeyList"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  registerPasskey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PasskeyRegisterInput"];
      };
    };
    responses: {
      /** @description Registered. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            passkey: components["schemas"]["Passkey"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_challenge`: the flow is unknown, expired or was used.
       *     - `passkey_rejected`: the answer does not verify.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `passkey_exists`: this passkey is registered already. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  passkeyRegistrationOptions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Options for `startRegistration`, and the flow id. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PasskeyOptions"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `too_many_passkeys`: remove one first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  removePasskey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: not one of your passkeys. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  renamePasskey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PasskeyRenameInput"];
      };
    };
    responses: {
      /** @description Renamed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            passkey: components["schemas"]["Passkey"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: not one of your passkeys. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The most recently used first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SessionList"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  removeSession: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out (this one too: the cookie is cleared). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: not one of your sessions. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  removeOtherSessions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description How many were signed out. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            revoked: number;
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PasswordChangeInput"];
      };
    };
    responses: {
      /** @description Changed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_password`: the current password is not right.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many wrong passwords. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  requestPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PasswordResetInput"];
      };
    };
    responses: {
      /** @description Accepted. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PasswordResetAccepted"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many requests from this network or for this address. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  confirmPasswordReset: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PasswordResetConfirmInput"];
      };
    };
    responses: {
      /** @description Changed; log in with the new password. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_token`: unknown, expired (1 h) or used already.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  requestEmailVerification: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Mailed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `already_verified`: the address is confirmed. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: a few per hour. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  verifyEmail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EmailVerifyInput"];
      };
    };
    responses: {
      /** @description Confirmed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_token`: unknown, expired, used, or the address changed since.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listApiKeys: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Newest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["ApiKey"][];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  createApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          name: string;
          scopes: components["schemas"]["ApiScope"][];
          /** @description When the key stops working; none = never. */
          expiresAt?: number | null;
        };
      };
    };
    responses: {
      /** @description The key, shown once. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            apiKey: components["schemas"]["CreatedApiKey"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_scope_forbidden`: only admins can grant the `admin` scope.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `too_many_api_keys`: the person holds the most keys allowed. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  revokeApiKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Revoked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such key of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listWebhooks: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Newest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["Webhook"][];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  createWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          url: string;
          events: components["schemas"]["WebhookEventType"][];
        };
      };
    };
    responses: {
      /** @description The webhook and its signing secret. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            webhook: components["schemas"]["CreatedWebhook"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `address_not_allowed`: the host is or resolves to a private, loopback, link-local or other non-public address.
       *     - `unresolvable_host`: the host does not resolve.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators and admins have webhooks.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `too_many_webhooks`: the person has the most webhooks allowed (`[webhooks] max_per_owner`). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  deleteWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such webhook of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  enableWebhook: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The webhook, active. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            webhook: components["schemas"]["Webhook"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such webhook of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  sendWebhookTest: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued; its outcome appears in the delivery log. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            delivery: components["schemas"]["WebhookDelivery"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such webhook of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `webhook_disabled`: turn the webhook on again first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listWebhookDeliveries: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Newest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookDeliveryPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such webhook of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listSignInProviders: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description In the order the site lists them. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SignInProviderList"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  startProviderSignIn: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        provider: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["SsoStartInput"];
      };
    };
    responses: {
      /** @description Open this URL in the browser. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SsoStart"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: linking needs a signed-in person.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such provider, or it is turned off. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many sign-ins from this network. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `sso_unavailable`: the provider's discovery document cannot be read. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  providerSignInCallback: {
    parameters: {
      query?: {
        code?: string;
        state?: string;
        iss?: string;
        error?: string;
        error_description?: string;
        session_state?: string;
      };
      header?: never;
      path: {
        provider: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To a page of the site. */
      303: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getProviderSignup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description What the provider said; the form completes it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SsoPendingSignup"];
        };
      };
      /**
       * @description - `sso_flow_expired`: no sign-up is waiting in this browser (or it expired); start again.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  completeProviderSignup: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SsoSignupInput"];
      };
    };
    responses: {
      /** @description Signed in; the cookie is set. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SsoSignupResult"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `sso_flow_expired`: no sign-up is waiting in this browser (or it expired); start again.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `email_taken`, `username_taken`: `details.fields` names the field.
       *     - `identity_in_use`: the provider account was linked meanwhile.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many sign-ups from this network. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listLinkedIdentities: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LinkedIdentityList"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  unlinkIdentity: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Unlinked. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: not one of your linked accounts. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `last_sign_in_method`: no password, passkey or other linked account would be left. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getNotificationSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Every kind, with its channels. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            settings: components["schemas"]["NotificationSettings"];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  updateNotificationSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NotificationSettingsPatch"];
      };
    };
    responses: {
      /** @description Every kind, with its channels as they now are. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            settings: components["schemas"]["NotificationSettings"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  requestDataExport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Queued; follow it with GET /users/me/exports/{id}. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            export: components["schemas"]["DataExport"];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `export_running`: an export is already being made. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many exports today. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listDataExports: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Up to 10 exports. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            items: components["schemas"]["DataExport"][];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getDataExport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The export. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            export: components["schemas"]["DataExport"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no export of yours by that id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  downloadDataExport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The zip (attachment). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/zip": string;
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_found`: no export of yours by that id.
       *     - `export_not_ready`: still being made.
       *     - `export_expired`: its download time is over.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The account. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["User"];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  deleteMyAccount: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EraseAccountInput"];
      };
    };
    responses: {
      /** @description Erased. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `wrong_password`: nothing was changed.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `balance_due`: a creator with earnings or payout requests not paid yet: request a payout first.
       *     - `wallet_not_empty`: the wallet holds money; send `confirmForfeit: true` to give it up.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getCurrentUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The account, or null when no one is signed in. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["User"] & (Record<string, never> | null);
          };
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listBlockedPeople: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The blocked people. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BlockedPeople"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  blockUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Blocked (again is fine). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `self_block`: not yourself.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such user. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  unblockUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Unblocked (or was not blocked). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such user. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getMyCreatorProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The profile. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            creator: components["schemas"]["Creator"];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: the caller has no creator profile.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  upsertMyCreatorProfile: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreatorProfileInput"];
      };
    };
    responses: {
      /** @description The profile as it now is. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            creator: components["schemas"]["Creator"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `ppv_needs_media`: a paid welcome message without media.
       *     - `invalid_request`: no price for a new creator profile, or welcome media not the caller's.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `kyc_required`: this site requires an approved identity verification before a priced welcome message.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `currency_locked`: earnings or paid subscribers in the current currency. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  uploadProfileImage: {
    parameters: {
      query?: {
        crop?: string;
      };
      header?: never;
      path: {
        image: "avatar" | "banner";
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "multipart/form-data": {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      /** @description Stored; `media` is the processing medium (progress, failure reason). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            creator: components["schemas"]["Creator"];
            media: components["schemas"]["OwnMedia"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `not_multipart`, `bad_multipart`, `no_file`, `too_many_files`: one file in the field `file`.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: set up a creator profile first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the image is over the profile image limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: not a JPEG, PNG, WebP, GIF or HEIC image. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many uploads this hour. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  removeProfileImage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        image: "avatar" | "banner";
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The profile as it now is. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            creator: components["schemas"]["Creator"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: set up a creator profile first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listCreators: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        query?: string;
        /** @description new: newest creators; trending: new subscribers (5 points each), comments (2) and likes (1) over the last 7 days; popular: live subscribers. Ranked lists hold creators with a score only. */
        sort?: "new" | "trending" | "popular";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of creators. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CreatorPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getCreator: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The creator. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            creator: components["schemas"]["Creator"];
            viewer: components["schemas"]["CreatorViewer"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no creator by that name. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listCreatorPosts: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        only?: "media";
      };
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of posts (locked where the viewer may not see them). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PostPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no creator by that name. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getCreatorLive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Live and scheduled streams. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CreatorLive"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such creator. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getStreamKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Enter both in OBS. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StreamKey"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators go live.
       *     - `kyc_required`: this site requires an approved identity verification first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  rotateStreamKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The new key. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["StreamKey"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators go live.
       *     - `kyc_required`: this site requires an approved identity verification first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listMyLiveStreams: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of streams. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LiveStreamPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators go live.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  createLiveStream: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewLiveStreamInput"];
      };
    };
    responses: {
      /** @description The scheduled stream. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LiveStreamEnvelope"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: a ticket needs a price.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators go live.
       *     - `kyc_required`: this site requires an approved identity verification first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listLiveNow: {
    parameters: {
      query?: {
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Live streams. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LiveNow"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getLiveStream: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The stream. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LiveStreamEnvelope"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such stream. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  deleteLiveStream: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such stream (or not one of yours). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `stream_started`: it went live already.
       *     - `tickets_sold`: fans hold tickets to it.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  updateLiveStream: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["LiveStreamPatch"];
      };
    };
    responses: {
      /** @description The stream. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LiveStreamEnvelope"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such stream (or not one of yours). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `stream_ended`: it has ended. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  endLiveStream: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ended stream. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LiveStreamEnvelope"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such stream (or not one of yours). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_live`: it is not live. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  buyLiveTicket: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UnlockInput"];
      };
    };
    responses: {
      /** @description Paid from the wallet: the stream, unlocked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LiveStreamEnvelope"];
        };
      };
      /** @description Paid by card: continue at `checkoutUrl`. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CheckoutStart"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `self_payment`: you cannot pay yourself.
       *     - `no_tickets`: this stream is not ticketed.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_funds`, `wallet_negative`: the wallet cannot pay (top up, or pay by card). */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such stream. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `currency_mismatch`: priced in another currency than the wallet's (pay by card).
       *     - `already_owned`: you have a ticket.
       *     - `stream_ended`: it has ended.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many purchases in a minute. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `provider_error`: the payment provider could not start the checkout.
       *     - `setup_required`: the site has not been set up yet.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getLiveChat: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of chat lines. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LiveChatPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_entitled`: subscribe or buy a ticket.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found` */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  moderateLiveChat: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["LiveModerationInput"];
      };
    };
    responses: {
      /** @description Done; their open sockets are told. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `self_moderation`
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_found`: no such stream (or not one of yours).
       *     - `not_found`: no such user.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  hideLiveChatLine: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        messageId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Hidden for everyone. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_found`: no such stream (or not one of yours).
       *     - `not_found`: no such chat line.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  createPost: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewPostInput"];
      };
    };
    responses: {
      /** @description The new post. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            post: components["schemas"]["Post"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: a price on pay-per-view posts only; media from the creator's vault, not failed.
       *     - `co_performer_not_verified`: co-performers must be creators with an approved verification.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: set up a creator profile first.
       *     - `kyc_required`: paid posts need an approved identity verification on this site.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listMyPosts: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: "draft" | "scheduled";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of posts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PostPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getPost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The post. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            post: components["schemas"]["Post"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such post, or an unpublished one of someone else. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  deletePost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `forbidden`: not the post's creator.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such post, or an unpublished one of someone else. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  updatePost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PostPatch"];
      };
    };
    responses: {
      /** @description The post as it now is. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            post: components["schemas"]["Post"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: a published post cannot be scheduled; price and media as on creation.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `forbidden`: only the post's creator can change it.
       *     - `kyc_required`: paid posts need an approved identity verification on this site.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such post, or an unpublished one of someone else. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `performers_locked`: a published post's co-performers are fixed; releases can only be added. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  likePost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The post with its new like count. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            post: components["schemas"]["Post"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_entitled`: subscribe to the creator (or unlock the post) first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such post, or an unpublished one of someone else. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  unlikePost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The post with its new like count. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            post: components["schemas"]["Post"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_entitled`: subscribe to the creator (or unlock the post) first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such post, or an unpublished one of someone else. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listComments: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of comments. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CommentPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_entitled`: subscribe to the creator (or unlock the post) first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such post, or an unpublished one of someone else. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  addComment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CommentInput"];
      };
    };
    responses: {
      /** @description The new comment. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            comment: components["schemas"]["Comment"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `not_published`: the post is not published yet.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_entitled`: subscribe to the creator (or unlock the post) first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such post, or an unpublished one of someone else. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  bookmarkPost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Whether the post is now bookmarked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BookmarkState"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such post, or an unpublished one of someone else. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  unbookmarkPost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Whether the post is now bookmarked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["BookmarkState"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such post, or an unpublished one of someone else. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listBookmarks: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of posts (locked where the viewer may not see them). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PostPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listTagPosts: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        /** @description A hashtag without the #, any case (tags are stored lowercased). */
        tag: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of posts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PostPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       *     - `bad_tag`: not a hashtag (letters, digits, _).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  search: {
    parameters: {
      query: {
        /** @description Words to find; any text is safe (operators are ignored). */
        q: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ranked results in three sections. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SearchResult"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getFeed: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the feed. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PostPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listSubscriptions: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of subscriptions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SubscriptionPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  subscribe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SubscribeInput"];
      };
    };
    responses: {
      /** @description Subscribed now (wallet, free creator or free trial). */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            subscription: components["schemas"]["Subscription"];
          };
        };
      };
      /** @description Paid by card: continue at `checkoutUrl`. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CheckoutStart"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `self_payment`: you cannot pay yourself.
       *     - `invalid_request`: the creator offers no bundle of that length.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_funds`, `wallet_negative`: the wallet cannot pay (top up, or pay by card). */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such creator. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `currency_mismatch`: priced in another currency than the wallet's (pay by card).
       *     - `already_subscribed`: a live subscription exists.
       *     - `promotion_unavailable`: the promotion is used up, expired, deleted, another creator's, not for this fan, or already used; nothing was charged.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many purchases in a minute. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `provider_error`: the payment provider could not start the checkout.
       *     - `setup_required`: the site has not been set up yet.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  cancelSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscription, no longer renewing. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            subscription: components["schemas"]["Subscription"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such subscription of this fan. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `provider_error`: the payment provider did not cancel the card subscription.
       *     - `setup_required`: the site has not been set up yet.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listPromotions: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of promotions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PromotionPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  createPromotion: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PromotionInput"];
      };
    };
    responses: {
      /** @description The promotion and its link. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            promotion: components["schemas"]["Promotion"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: a discount without percentOff, a trial without trialDays, an expiry in the past.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators make promotions.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getPromotionOffer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The offer; `available` is false when used up or expired. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            promotion: components["schemas"]["Promotion"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such promotion (or it was deleted). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getCreatorOffer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The newest public promotion still redeemable, or null. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            promotion: components["schemas"]["Promotion"] | null;
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such creator. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getPromotion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The promotion. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            promotion: components["schemas"]["Promotion"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such promotion of the caller. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  deletePromotion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such promotion of the caller. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getMyReferrals: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The link, counts and the share. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            referrals: components["schemas"]["ReferralInfo"];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have a referral link.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listMyPayouts: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of payouts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PayoutPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  requestPayout: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PayoutRequestInput"];
      };
    };
    responses: {
      /** @description The payout request. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            payout: components["schemas"]["Payout"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `below_minimum`, `insufficient_earnings`: under the site's minimum, or over what is available.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have earnings to pay out.
       *     - `kyc_required`: this site requires an approved identity verification first.
       *     - `email_unverified`: confirm the account's e-mail address first.
       *     - `account_blocked`: the account is banned or suspended; payouts are held.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payout_method_required`: add a payout method first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getPayoutMethod: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The method, or null if none. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            method: components["schemas"]["PayoutMethod"] | null;
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have earnings to pay out.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  setPayoutMethod: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PayoutMethodInput"];
      };
    };
    responses: {
      /** @description The method, masked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            method: components["schemas"]["PayoutMethod"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: the details a kind needs are missing or invalid (`details.fields`).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have earnings to pay out.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  removePayoutMethod: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have earnings to pay out.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payout_in_progress`: a payout still has to be sent to it. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getAnalytics: {
    parameters: {
      query?: {
        /** @description How many UTC days back, today included (7 to 365). */
        days?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Subscribers, earnings by type, top posts, messages. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CreatorAnalytics"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have analytics.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listFans: {
    parameters: {
      query?: {
        status?: "active" | "expired" | "all";
        /** @description Part of a username or display name. */
        query?: string;
        /** @description `spend`: most lifetime spend first; `recent`: most recent first subscription first. */
        sort?: "spend" | "recent";
        /** @description Only the fans on this list. */
        listId?: string;
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of fans. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FanPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have fans and lists.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such list. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listFanLists: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lists, oldest first. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["FanLists"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have fans and lists.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  createFanList: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["FanListInput"];
      };
    };
    responses: {
      /** @description The new list. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            list: components["schemas"]["FanList"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have fans and lists.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `list_name_taken`: a list of that name exists.
       *     - `too_many_lists`: the creator has 100 lists.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  deleteFanList: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such list of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  renameFanList: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["FanListInput"];
      };
    };
    responses: {
      /** @description The list. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            list: components["schemas"]["FanList"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such list of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `list_name_taken`: a list of that name exists. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  addFanListMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The list. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            list: components["schemas"]["FanList"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `not_a_fan`: this person never subscribed to you.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such list of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  removeFanListMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The list. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            list: components["schemas"]["FanList"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such list of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getSystemStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The figures, from this node. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            status: components["schemas"]["SystemStatus"];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getAdminSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The settings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            settings: components["schemas"]["AdminSettings"];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  updateAdminSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SettingsPatch"];
      };
    };
    responses: {
      /** @description The settings as they now are. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            settings: components["schemas"]["AdminSettings"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listAdminPayouts: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: "requested" | "approved" | "rejected" | "paid";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of payouts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AdminPayoutPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  approvePayout: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The payout, approved. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            payout: components["schemas"]["AdminPayout"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such payout. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `bad_payout_state`: the payout is not in the state this step starts from.
       *     - `account_blocked`: the creator is banned or suspended; their payouts are held.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  rejectPayout: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["RejectPayoutInput"];
      };
    };
    responses: {
      /** @description The payout, rejected. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            payout: components["schemas"]["AdminPayout"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such payout. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `bad_payout_state`: the payout is not in the state this step starts from. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  markPayoutPaid: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["MarkPaidInput"];
      };
    };
    responses: {
      /** @description The payout, paid. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            payout: components["schemas"]["AdminPayout"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such payout. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `bad_payout_state`: the payout is not in the state this step starts from.
       *     - `account_blocked`: the creator is banned or suspended; their payouts are held.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getEmailSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The e-mail settings; never the password. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            email: components["schemas"]["EmailSettings"];
          };
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  updateEmailSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["EmailSettingsInput"];
      };
    };
    responses: {
      /** @description The e-mail settings as they now are. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            email: components["schemas"]["EmailSettings"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  sendTestMail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TestMailInput"];
      };
    };
    responses: {
      /** @description Handed to the SMTP server (or written as a file). */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            testMail: {
              to: string;
            };
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `mail_failed`: the SMTP server refused; the message says why. */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listJobs: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: "queued" | "running" | "done" | "failed";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of jobs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["JobPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listAdminTransactions: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of transactions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AdminTransactionPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  refundTransaction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: {
      content: {
        "application/json": components["schemas"]["RefundInput"];
      };
    };
    responses: {
      /** @description The refund. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            transaction: components["schemas"]["Transaction"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: not refundable, or more than a refund may take back.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such transaction. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `already_refunded`, or the top-up's money was spent meanwhile. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `provider_error`: the payment provider did not refund.
       *     - `setup_required`: the site has not been set up yet.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listAdminUsers: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        /** @description Part of a username, display name or e-mail. */
        query?: string;
        role?: "fan" | "creator" | "admin";
        status?: "active" | "suspended" | "banned" | "deleted";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of people. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AdminUserPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getAdminUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The person. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["AdminUserDetail"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such person. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  banUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["BanInput"];
      };
    };
    responses: {
      /** @description The person, banned. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["AdminUserDetail"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `self_action`: not on yourself.
       *     - `last_admin`: not on the site's last admin.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such person. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  suspendUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SuspendInput"];
      };
    };
    responses: {
      /** @description The person, suspended. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["AdminUserDetail"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: the end is not in the future.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `self_action`: not on yourself.
       *     - `last_admin`: not on the site's last admin.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such person. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  unbanUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The person as they now are. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["AdminUserDetail"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such person. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  setUserRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RoleInput"];
      };
    };
    responses: {
      /** @description The person with the new role. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["AdminUserDetail"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `self_action`: not on yourself.
       *     - `last_admin`: not on the site's last admin.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such person. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  verifyCreator: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The person as they now are. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["AdminUserDetail"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such creator. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  unverifyCreator: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The person as they now are. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            user: components["schemas"]["AdminUserDetail"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such creator. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listReports: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: "open" | "resolved";
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of reports, each with its target's preview. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ReportPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  resolveReport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ResolveReportInput"];
      };
    };
    responses: {
      /** @description The report, resolved. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            report: components["schemas"]["Report"];
            /** @description Whether content was removed (or a stream ended) now. */
            removed: boolean;
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `not_removable`: a profile cannot be removed (ban instead).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `self_action`, `last_admin`: a ban the rules refuse.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such report. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `already_resolved`: someone resolved it first. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  createReport: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ReportInput"];
      };
    };
    responses: {
      /** @description The report, open. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            report: components["schemas"]["Report"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `self_report`: your own content.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such thing, or not one you can see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `already_reported`: you have an open report of it. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many reports in an hour. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listAudit: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        /** @description A username: only this person's actions. */
        actor?: string;
        /** @description Only this action, e.g. `user.ban`. */
        action?: string;
        /** @description Only actions on this id. */
        target?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of audit entries. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AuditPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listAdminKyc: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: components["schemas"]["KycStatus"];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of verifications. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AdminKycPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getAdminKyc: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The verification. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            kyc: components["schemas"]["AdminKyc"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such verification. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  approveKyc: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Approved. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            kyc: components["schemas"]["AdminKyc"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such verification. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `kyc_not_pending`: already decided. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  rejectKyc: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ReasonInput"];
      };
    };
    responses: {
      /** @description Rejected. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            kyc: components["schemas"]["AdminKyc"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such verification. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `kyc_not_pending`: already decided. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getComplianceDocument: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document: a JPEG, PNG or WebP photo or a PDF. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "image/jpeg": string;
          "image/png": string;
          "image/webp": string;
          "application/pdf": string;
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such document. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  export2257Records: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A zip file (attachment). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/zip": string;
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listAdminDmca: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
        status?: components["schemas"]["DmcaStatus"];
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of notices. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AdminDmcaPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getAdminDmca: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The notice. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            notice: components["schemas"]["AdminDmcaNoticeDetail"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such notice. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  dmcaTakedown: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Taken down. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            notice: components["schemas"]["AdminDmcaNoticeDetail"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such notice. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `dmca_not_open`: already decided.
       *     - `nothing_to_take_down`: no URL names content here.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  dmcaReject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ReasonInput"];
      };
    };
    responses: {
      /** @description Rejected. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            notice: components["schemas"]["AdminDmcaNoticeDetail"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such notice. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `dmca_not_open`: already decided. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  dmcaRestore: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Restored. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            notice: components["schemas"]["AdminDmcaNoticeDetail"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such notice. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `no_counter_notice`: nothing to restore without a counter-notice.
       *     - `waiting_period`: too early (`details.restorableAt`).
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listAdminSignInProviders: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Config file first, then saved ones. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["SignInProviderSettingsList"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  saveAdminSignInProvider: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        provider: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SignInProviderInput"];
      };
    };
    responses: {
      /** @description Saved. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            provider: components["schemas"]["SignInProviderSettings"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: e.g. an issuer that is not https (http only on this machine).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `provider_in_config`: set in the config file; change it there. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  removeAdminSignInProvider: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        provider: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: only site admins can do this.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such saved provider. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `provider_in_config`: set in the config file; change it there. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getMyKyc: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Your verification, or null. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MyKyc"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  submitKyc: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "multipart/form-data": {
          /** @description As on the ID document. */
          legalName: string;
          /**
           * Format: date
           * @description YYYY-MM-DD; 18 or older.
           */
          dateOfBirth: string;
          /** @description ISO 3166-1 alpha-2, e.g. US. */
          country: string;
          /**
           * Format: binary
           * @description Passport, ID card or driving licence: JPEG, PNG, WebP or PDF.
           */
          idDocument: string;
          /**
           * Format: binary
           * @description A photo of the person holding the ID document.
           */
          selfie: string;
        };
      };
    };
    responses: {
      /** @description Received: under review. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            kyc: components["schemas"]["Kyc"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a field is missing or invalid, or a document is missing (`details.fields`).
       *     - `under_18`: the date of birth is under 18.
       *     - `not_multipart`, `bad_multipart`, `empty_file`: the body is not a well-formed form.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `admin_only`: site admins need no verification.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `kyc_pending`: a submission is under review.
       *     - `already_verified`: you are verified.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: a document is over the site's limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_document`: a file is not a JPEG, PNG or WebP photo or a PDF. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many submissions today. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listReleases: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of releases. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ReleasePage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  createRelease: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "multipart/form-data": {
          legalName: string;
          /**
           * Format: date
           * @description YYYY-MM-DD; 18 or older.
           */
          dateOfBirth: string;
          /** @description Stage names, aliases, maiden names: one per line or comma-separated. */
          otherNames?: string;
          /** Format: binary */
          idDocument: string;
          /**
           * Format: binary
           * @description The signed model release.
           */
          releaseDocument: string;
        };
      };
    };
    responses: {
      /** @description Stored. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            release: components["schemas"]["Release"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a field is missing or invalid, or a document is missing (`details.fields`).
       *     - `under_18`: the date of birth is under 18.
       *     - `not_multipart`, `bad_multipart`, `empty_file`: the body is not a well-formed form.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: set up a creator profile first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: a document is over the site's limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_document`: a file is not a JPEG, PNG or WebP photo or a PDF. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many submissions today. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getRecordsStatement: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The statement. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            statement: components["schemas"]["RecordsStatement"];
          };
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listHeldPosts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The held posts and whom they wait for. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["HeldPosts"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getPostPerformers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The post's performers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            performers: components["schemas"]["PostPerformers"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no record of yours for this post. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listCoPerformerRequests: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of requests. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CoPerformerRequestPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  confirmCoPerformer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such request of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `already_decided`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  declineCoPerformer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such request of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `already_decided`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listMyDmcaNotices: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of notices. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DmcaNoticePage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  submitDmcaNotice: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["DmcaNoticeInput"];
      };
    };
    responses: {
      /** @description Received; an admin reviews it. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DmcaReceipt"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: an element of the notice is missing (`details.fields` names each).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many notices from this address. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getMyDmcaNotice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The notice. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            notice: components["schemas"]["DmcaNotice"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no notice about your content with this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  sendCounterNotice: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CounterNoticeInput"];
      };
    };
    responses: {
      /** @description The notice with your counter-notice. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            notice: components["schemas"]["DmcaNotice"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: an element of the counter-notice is missing (`details.fields`).
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no notice about your content with this id. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `already_countered`, `already_restored`. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listNotifications: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of notifications. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["NotificationPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  markNotificationsRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Done. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listConversations: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of conversations. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ConversationPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  startConversation: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["StartConversationInput"];
      };
    };
    responses: {
      /** @description The existing conversation of this pair. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            conversation: components["schemas"]["Conversation"];
          };
        };
      };
      /** @description A new conversation. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            conversation: components["schemas"]["Conversation"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `self_message`: not with yourself.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `dm_not_allowed`: fans write to creators they subscribe to (or who take messages from everyone); creators to their fans.
       *     - `blocked`: one of you blocked the other.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such user. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getUnreadMessages: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The counts. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["UnreadMessages"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getConversation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The conversation. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            conversation: components["schemas"]["Conversation"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such conversation (or not one of yours). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listMessages: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of messages. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MessagePage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such conversation (or not one of yours). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  sendMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["NewMessageInput"];
      };
    };
    responses: {
      /** @description A retry with a `clientId` seen before: the message it made. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            message: components["schemas"]["Message"];
          };
        };
      };
      /** @description Sent. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            message: components["schemas"]["Message"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `ppv_needs_media`: a priced message without media; `invalid_request`: empty, or media not yours.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `dm_not_allowed`: fans write to creators they subscribe to (or who take messages from everyone); creators to their fans.
       *     - `blocked`: one of you blocked the other.
       *     - `not_a_creator`: only creators price messages.
       *     - `kyc_required`: this site requires an approved identity verification first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such conversation (or not one of yours). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `client_id_reused`: this clientId was used in another conversation. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many messages in a minute. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  markConversationRead: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ReadUpToInput"];
      };
    };
    responses: {
      /** @description Done (moving back is ignored). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_found`: no such conversation (or not one of yours).
       *     - `not_found`: no such message in it.
       */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listMassMessages: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of mass messages. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MassMessagePage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  sendMassMessage: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["MassMessageInput"];
      };
    };
    responses: {
      /** @description Queued: follow `GET /messages/mass/{id}` to `done`. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            massMessage: components["schemas"]["MassMessage"];
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `ppv_needs_media`: priced without media; `invalid_request`: empty, media not yours, too far ahead.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators send mass messages.
       *     - `kyc_required`: this site requires an approved identity verification first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - The `audience.listId` list is not one of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: the day's mass messages are used up. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getMassAudience: {
    parameters: {
      query?: {
        /** @description Also count this fan list's members. */
        listId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The audience sizes. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MassAudienceSizes"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators send mass messages.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - No such list of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getMassMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The mass message. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            massMessage: components["schemas"]["MassMessage"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such mass message of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  cancelMassMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Canceled. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            massMessage: components["schemas"]["MassMessage"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such mass message of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `already_sent`: it is done. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  unsendMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Gone for both people. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such message of yours. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unsend_window_passed`: older than 24 hours.
       *     - `message_bought`: it was bought.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  unlockMessage: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UnlockInput"];
      };
    };
    responses: {
      /** @description Paid from the wallet: the message, unlocked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            message: components["schemas"]["Message"];
          };
        };
      };
      /** @description Paid by card: continue at `checkoutUrl`. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CheckoutStart"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `self_payment`: you cannot pay yourself.
       *     - `not_ppv`: the message is free.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_funds`, `wallet_negative`: the wallet cannot pay (top up, or pay by card). */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such message in your conversations. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `currency_mismatch`: priced in another currency than the wallet's (pay by card).
       *     - `already_owned`: already unlocked.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many purchases in a minute. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `provider_error`: the payment provider could not start the checkout.
       *     - `setup_required`: the site has not been set up yet.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getPushKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The key. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PushKey"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  subscribePush: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PushSubscriptionInput"];
      };
    };
    responses: {
      /** @description Subscribed. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            subscription: {
              endpoint: string;
            };
          };
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `invalid_request`: not an https endpoint, or not a browser's keys.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  unsubscribePush: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["PushUnsubscribeInput"];
      };
    };
    responses: {
      /** @description Done (also when it was not subscribed). */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  listVault: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of the vault. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OwnMediaPage"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  uploadMedia: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "multipart/form-data": {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      /** @description Stored; processing has started. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            media: components["schemas"]["OwnMedia"];
          };
        };
      };
      /**
       * @description - `not_multipart`, `bad_multipart`: the body is not a well-formed multipart/form-data.
       *     - `no_file`, `too_many_files`: exactly one file in the field `file`.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: set up a creator profile first.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the file is over the site's upload limit. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: not a JPEG, PNG, WebP, GIF, HEIC image or MP4, MOV, WebM video. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many uploads this hour. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getMedia: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The medium. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            media: components["schemas"]["OwnMedia"] | components["schemas"]["Media"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such medium, or not one this viewer may see. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getWallet: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The balance and a page of its history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Wallet"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_cursor`: the cursor is not one this API gave out.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  topUpWallet: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TopupInput"];
      };
    };
    responses: {
      /** @description Paid by card: continue at `checkoutUrl`. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CheckoutStart"];
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many purchases in a minute. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `provider_error`: the payment provider could not start the checkout.
       *     - `setup_required`: the site has not been set up yet.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  unlockPost: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UnlockInput"];
      };
    };
    responses: {
      /** @description Paid from the wallet: the post, unlocked. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            post: components["schemas"]["Post"];
          };
        };
      };
      /** @description Paid by card: continue at `checkoutUrl`. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CheckoutStart"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `self_payment`: you cannot pay yourself.
       *     - `not_ppv`: only pay-per-view posts are unlocked.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_funds`, `wallet_negative`: the wallet cannot pay (top up, or pay by card). */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such post. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `currency_mismatch`: priced in another currency than the wallet's (pay by card).
       *     - `already_owned`: already unlocked.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many purchases in a minute. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `provider_error`: the payment provider could not start the checkout.
       *     - `setup_required`: the site has not been set up yet.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  tipCreator: {
    parameters: {
      query?: never;
      header?: {
        /** @description Makes a wallet payment happen once: sent again with the same key (after a lost answer), it answers the first payment. */
        "idempotency-key"?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TipInput"];
      };
    };
    responses: {
      /** @description Paid from the wallet: the tip. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            tip: components["schemas"]["Transaction"];
          };
        };
      };
      /** @description Paid by card: continue at `checkoutUrl`. */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CheckoutStart"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `self_payment`: you cannot pay yourself.
       *     - `invalid_request`: the post is not by this creator.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `insufficient_funds`, `wallet_negative`: the wallet cannot pay (top up, or pay by card). */
      402: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_entitled`: a tip during a stream you may not watch.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such creator or post. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `currency_mismatch`: priced in another currency than the wallet's (pay by card).
       *     - `not_live`: the stream is not live.
       *     - `idempotency_key_reused`: this Idempotency-Key was used for another payment.
       */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `unsupported_media_type`: the body is not sent as application/json. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `rate_limited`: too many purchases in a minute. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `geo_blocked`: the creator does not show their content in the viewer's country. */
      451: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `provider_error`: the payment provider could not start the checkout.
       *     - `setup_required`: the site has not been set up yet.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getEarnings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The creator's earnings. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Earnings"];
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have earnings.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  downloadStatement: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A CSV file (attachment), one line per ledger movement. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "text/csv": string;
        };
      };
      /**
       * @description - `unauthorized`: not logged in.
       *     - `invalid_token`: the bearer token is invalid or expired.
       */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `not_a_creator`: only creators have earnings.
       *     - `insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  getSandboxCheckout: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The checkout. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            checkout: components["schemas"]["SandboxCheckout"];
          };
        };
      };
      /** @description - `invalid_request`: a parameter or the body does not validate (`details.fields`). */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: no such sandbox checkout. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `setup_required`: the site has not been set up yet. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
  receiveWebhook: {
    parameters: {
      query?: {
        /** @description CCBill: the event's type (its webhook URL names it). */
        eventType?: string;
      };
      header?: never;
      path: {
        /** @description The configured provider's name. */
        provider: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": {
          [key: string]: unknown;
        };
        "application/x-www-form-urlencoded": {
          [key: string]: unknown;
        };
      };
    };
    responses: {
      /** @description Recorded (or seen before). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["WebhookReceipt"];
        };
      };
      /**
       * @description - `invalid_request`: a parameter or the body does not validate (`details.fields`).
       *     - `bad_signature`, `invalid_event`: the signature does not verify, or the event's shape is wrong.
       */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `invalid_token`: the bearer token is invalid or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `forbidden_sender`: not from the provider's addresses (CCBill: `payments.ccbill_webhook_ips`).
       *     - `bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).
       */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `not_found`: not the configured provider. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /** @description - `payload_too_large`: the JSON body is over 1 MiB. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
      /**
       * @description - `retry_later`: the event refers to a payment not recorded yet; deliver it again later.
       *     - `setup_required`: the site has not been set up yet.
       */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ErrorBody"];
        };
      };
    };
  };
}
