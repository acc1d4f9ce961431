import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/** A creator's own named list of fans ("VIP", "Bought the last set"), a mass-message audience. */
export const fanLists = sqliteTable(
  "fan_lists",
  {
    id: text("id").primaryKey(),
    creatorId: text("creator_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("fan_lists_creator_name_idx").on(t.creatorId, t.name)],
);

/** A fan on a list: once per list (the primary key); gone with the list or the person. */
export const fanListMembers = sqliteTable(
  "fan_list_members",
  {
    listId: text("list_id")
      .notNull()
      .references(() => fanLists.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.userId] }), index("fan_list_members_user_idx").on(t.userId)],
);

export type FanListRow = typeof fanLists.$inferSelect;
