import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Lower-cased; unique. */
    email: text("email").notNull().unique(),
    /** Lower-cased [a-z0-9_]; unique; the public handle. */
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["fan", "creator", "admin"] })
      .notNull()
      .default("fan"),
    ageConfirmedAt: integer("age_confirmed_at").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("users_role_idx").on(t.role)],
);

export type UserRow = typeof users.$inferSelect;
export type Role = UserRow["role"];
