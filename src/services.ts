// Builds every module's service with the shared context. Order does not matter: services call each
// other through ctx.services at request time, never while being constructed.
import type { AppContext } from "./context.ts";
import { createUsersService } from "./modules/users/service.ts";
import { createAuthService } from "./modules/auth/service.ts";
import { createRateLimitService } from "./modules/ratelimit/service.ts";
import { createSiteService } from "./modules/site/service.ts";
import { createSetupService } from "./modules/setup/service.ts";
import { createCreatorsService } from "./modules/creators/service.ts";
import { createPostsService } from "./modules/posts/service.ts";
import { createSubscriptionsService } from "./modules/subscriptions/service.ts";
import { createEntitlementService } from "./modules/entitlement/service.ts";
import { createPaymentsService } from "./modules/payments/service.ts";
import { createWebhooksService } from "./modules/payments/webhooks.ts";
import { createPayoutsService } from "./modules/payouts/service.ts";
import { createNotificationsService } from "./modules/notifications/service.ts";
import { createMediaService } from "./modules/media/service.ts";
import { createAdminService } from "./modules/admin/service.ts";
import { createJobQueue } from "./jobs/queue.ts";

export function createServices(ctx: AppContext) {
  const services = {
    users: createUsersService(ctx),
    auth: createAuthService(ctx),
    rateLimit: createRateLimitService(ctx),
    site: createSiteService(ctx),
    setup: createSetupService(ctx),
    creators: createCreatorsService(ctx),
    posts: createPostsService(ctx),
    subscriptions: createSubscriptionsService(ctx),
    entitlement: createEntitlementService(ctx),
    payments: createPaymentsService(ctx),
    webhooks: createWebhooksService(ctx),
    payouts: createPayoutsService(ctx),
    notifications: createNotificationsService(ctx),
    media: createMediaService(ctx),
    jobs: createJobQueue(ctx),
    admin: createAdminService(ctx),
  };
  return services;
}

export type Services = ReturnType<typeof createServices>;
