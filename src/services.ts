// The composition root's service graph: every module's service, built in dependency order from exactly
// the collaborators it uses. A module never reaches another through a shared bag; where a lower module
// needs an answer from a higher one inside its transaction, the higher one is connected to the lower
// one's port at the end (payments' sellers, media's post gate); everything else that crosses "up" is a
// domain event (ctx.events). docs/ARCHITECTURE.md draws the graph.
import type { AppContext } from "./context.ts";
import type { JobRegistry } from "./jobs/registry.ts";
import { createJobQueue } from "./jobs/queue.ts";
import { createAdminService } from "./modules/admin/service.ts";
import { createApiKeysService } from "./modules/apikeys/service.ts";
import { createOutgoingWebhooksService, DELIVER_JOB } from "./modules/webhooks/service.ts";
import { createAnalyticsService } from "./modules/analytics/service.ts";
import { createAuditService } from "./modules/audit/service.ts";
import { createAuthService } from "./modules/auth/service.ts";
import { createComplianceService } from "./modules/compliance/service.ts";
import { createCreatorsService } from "./modules/creators/service.ts";
import { createEntitlementService } from "./modules/entitlement/service.ts";
import { createFansService } from "./modules/fans/service.ts";
import { createMediaService } from "./modules/media/service.ts";
import { createModerationService } from "./modules/moderation/service.ts";
import { createMessagesService } from "./modules/messages/service.ts";
import { createLiveDelivery } from "./modules/live/hls.ts";
import { finalizeJobHandler } from "./modules/live/recording.ts";
import { createLiveService, FINALIZE_JOB } from "./modules/live/service.ts";
import { MASS_JOB } from "./modules/messages/mass.ts";
import { createReferralsService } from "./modules/referrals/service.ts";
import { createRealtimeService } from "./modules/realtime/service.ts";
import { createNotificationsService } from "./modules/notifications/service.ts";
import { createPaymentsService } from "./modules/payments/service.ts";
import { createWebhooksService } from "./modules/payments/webhooks.ts";
import { createPayoutsService } from "./modules/payouts/service.ts";
import { createPostsService } from "./modules/posts/service.ts";
import { createPrivacyService, EXPORT_JOB } from "./modules/privacy/service.ts";
import { createPromotionsService } from "./modules/promotions/service.ts";
import { createProfilesService } from "./modules/profiles/service.ts";
import { createSearchService } from "./modules/search/service.ts";
import { createRateLimitService } from "./modules/ratelimit/service.ts";
import { createSetupService } from "./modules/setup/service.ts";
import { createSiteService } from "./modules/site/service.ts";
import { createSsoService } from "./modules/sso/service.ts";
import { createSubscriptionsService } from "./modules/subscriptions/service.ts";
import { createTipsService } from "./modules/tips/service.ts";
import { createUsersService } from "./modules/users/service.ts";

export function createServices(ctx: AppContext) {
  const site = createSiteService(ctx);
  const rateLimit = createRateLimitService(ctx);
  const jobs = createJobQueue(ctx);
  const realtime = createRealtimeService(ctx);
  const users = createUsersService(ctx);
  const audit = createAuditService(ctx, { users });
  const notifications = createNotificationsService(ctx, { users, site, realtime });
  const compliance = createComplianceService(ctx, { users, site, audit, notifications, rateLimit });
  const media = createMediaService(ctx, { jobs, rateLimit, site, users });
  const creators = createCreatorsService(ctx, { users, media });
  const referrals = createReferralsService(ctx, { users, creators, site });
  const payments = createPaymentsService(ctx, { users, creators, site, rateLimit, referrals });
  const webhooks = createWebhooksService(ctx, { payments });
  const promotions = createPromotionsService(ctx, { creators, users });
  const subscriptions = createSubscriptionsService(ctx, { creators, payments, promotions });
  const entitlement = createEntitlementService(ctx, { subscriptions, creators });
  const posts = createPostsService(ctx, {
    users,
    creators,
    media,
    entitlement,
    subscriptions,
    payments,
    compliance,
  });
  const profiles = createProfilesService(ctx, {
    users,
    creators,
    posts,
    subscriptions,
    payments,
    media,
    compliance,
    entitlement,
  });
  const fans = createFansService(ctx, { users, creators, subscriptions, payments });
  const search = createSearchService({ posts, profiles });
  const messages = createMessagesService(ctx, {
    users,
    creators,
    subscriptions,
    fans,
    media,
    entitlement,
    payments,
    rateLimit,
    realtime,
    jobs,
    compliance,
  });
  const live = createLiveService(ctx, {
    users,
    creators,
    entitlement,
    payments,
    subscriptions,
    notifications,
    rateLimit,
    jobs,
    compliance,
  });
  const liveDelivery = createLiveDelivery(ctx, { live, entitlement });
  const liveFinalize = finalizeJobHandler(ctx, { live, media, posts });
  const analytics = createAnalyticsService(ctx, { creators, subscriptions, payments, posts, messages });
  const tips = createTipsService({ creators, posts, payments, live });
  const payouts = createPayoutsService(ctx, { creators, site, payments, users, compliance });
  const auth = createAuthService(ctx, { users, creators, rateLimit, audit, notifications, site, referrals });
  const apiKeys = createApiKeysService(ctx, { users });
  const outgoingWebhooks = createOutgoingWebhooksService(ctx, { users, jobs, notifications });
  const sso = createSsoService(ctx, { users, auth, audit, rateLimit, referrals });
  const setup = createSetupService(ctx, { users, site, auth, email: notifications.email, audit });
  const moderation = createModerationService(ctx, {
    users,
    creators,
    posts,
    messages,
    live,
    notifications,
    rateLimit,
  });
  const admin = createAdminService(ctx, {
    site,
    payouts,
    payments,
    jobs,
    notifications,
    users,
    auth,
    creators,
    posts,
    subscriptions,
    live,
    moderation,
    audit,
    media,
    realtime,
  });
  const privacy = createPrivacyService(ctx, {
    users,
    auth,
    creators,
    posts,
    messages,
    media,
    payments,
    subscriptions,
    notifications,
    payouts,
    audit,
    jobs,
    rateLimit,
    compliance,
    live,
    referrals,
    fans,
    sso,
    apiKeys,
    webhooks: outgoingWebhooks,
  });

  // Ports: what payments and media ask of the modules above them, inside their own transactions.
  payments.sellers.subscription.connect(subscriptions.seller);
  payments.sellers.ppv.connect(entitlement.ppvSeller);
  payments.sellers.message.connect(entitlement.messageSeller);
  payments.sellers.ticket.connect(entitlement.ticketSeller);
  media.connectGate(posts.mediaGate);
  media.connectGate(messages.mediaGate);
  media.connectGeoGate(entitlement.assertGeoAllowed);
  notifications.connectReadState(messages.hasReadUpTo);
  compliance.connectContent(posts.complianceContent);

  return {
    site,
    rateLimit,
    jobs,
    realtime,
    notifications,
    users,
    audit,
    compliance,
    media,
    creators,
    referrals,
    payments,
    webhooks,
    promotions,
    subscriptions,
    entitlement,
    posts,
    profiles,
    fans,
    search,
    messages,
    analytics,
    live,
    liveDelivery,
    liveFinalize,
    tips,
    payouts,
    auth,
    apiKeys,
    outgoingWebhooks,
    sso,
    setup,
    moderation,
    admin,
    privacy,
  };
}

export type Services = ReturnType<typeof createServices>;

/** Job name -> handler, for the job runner. */
export const jobHandlers = (s: Services): JobRegistry => ({
  "media.process": s.media.processingHandler(),
  [MASS_JOB]: s.messages.massJobHandler(),
  [FINALIZE_JOB]: s.liveFinalize,
  [EXPORT_JOB]: s.privacy.exportJobHandler(),
  [DELIVER_JOB]: s.outgoingWebhooks.deliverHandler,
});
