CREATE TABLE "creator_blocked_countries" (
	"creator_id" text NOT NULL,
	"country" text NOT NULL,
	CONSTRAINT "creator_blocked_countries_creator_id_country_pk" PRIMARY KEY("creator_id","country")
);
--> statement-breakpoint
ALTER TABLE "creator_blocked_countries" ADD CONSTRAINT "creator_blocked_countries_creator_id_creator_profiles_user_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."creator_profiles"("user_id") ON DELETE cascade ON UPDATE no action;