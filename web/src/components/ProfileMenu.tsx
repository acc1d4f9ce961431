import { A, useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { errorMessage } from "../api/client";
import type { User } from "../api/schema.gen";
import { isAdmin, isCreator, logout } from "../stores/session";
import { liveEnabled } from "../stores/site";
import { theme, toggleTheme } from "../stores/theme";
import { toast } from "../stores/toasts";
import Avatar from "./Avatar";
import { t } from "../i18n";
import Icon from "./Icon";
import Menu from "./Menu";
import { LanguageMenuItems } from "./LanguageSwitcher";

export default function ProfileMenu(props: { user: User; compact?: boolean; placement?: "above" | "below" }) {
  const navigate = useNavigate();
  const u = () => props.user;

  async function doLogout(everywhere: boolean) {
    try {
      await logout(everywhere);
      toast(everywhere ? t("nav.loggedOutEverywhere") : t("nav.loggedOut"), "success");
      navigate("/");
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }

  return (
    <Menu
      label={t("nav.accountMenu", { name: u().displayName, username: u().username })}
      buttonNamedByContent
      buttonClass={props.compact ? "profile-btn profile-btn-compact" : "profile-btn"}
      placement={props.placement ?? "above"}
      align={props.compact ? "end" : "start"}
      button={
        <>
          <Avatar
            name={u().displayName}
            username={u().username}
            url={u().avatarUrl}
            srcset={u().avatarSrcset}
            size="sm"
          />
          {/* The button's name, spoken as one phrase; what shows says the same and stays out of it. */}
          <span class="sr-only">
            {t("nav.accountMenu", { name: u().displayName, username: u().username })}
          </span>
          <Show when={!props.compact}>
            <span class="profile-btn-names" aria-hidden="true">
              <strong class="truncate">{u().displayName}</strong>
              <span class="muted truncate">@{u().username}</span>
            </span>
            <Icon name="more" size={18} class="profile-btn-more" />
          </Show>
        </>
      }
    >
      {(close) => (
        <>
          <div class="menu-header" role="presentation">
            <strong class="truncate">{u().displayName}</strong>
            <span class="muted truncate">@{u().username}</span>
          </div>
          <Show when={isCreator()}>
            <A href={`/${u().username}`} role="menuitem" class="menu-item" onClick={close}>
              <Icon name="user" size={18} /> {t("nav.myPage")}
            </A>
            <Show when={liveEnabled()}>
              <A href="/live" role="menuitem" class="menu-item" onClick={close}>
                <Icon name="live" size={18} /> {t("nav.goLive")}
              </A>
            </Show>
            <A href="/drafts" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="file" size={18} /> {t("nav.drafts")}
            </A>
            <A href="/vault" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="folder" size={18} /> {t("nav.vault")}
            </A>
          </Show>
          <A href="/wallet" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="wallet" size={18} /> {t("nav.wallet")}
          </A>
          <A href="/subscriptions" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="repeat" size={18} /> {t("nav.subscriptions")}
          </A>
          <A href="/bookmarks" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="bookmark" size={18} /> {t("nav.bookmarks")}
          </A>
          <Show when={isCreator()}>
            <A href="/earnings" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="chart" size={18} /> {t("nav.earnings")}
            </A>
            <A href="/analytics" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="chart" size={18} /> {t("nav.analytics")}
            </A>
            <A href="/fans" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="user" size={18} /> {t("nav.fans")}
            </A>
          </Show>
          <Show when={isAdmin()}>
            <A href="/admin" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="shield" size={18} /> {t("nav.admin")}
            </A>
          </Show>
          <div class="menu-sep" role="separator" />
          <A href="/settings/creator" role="menuitem" class="menu-item" onClick={close}>
            <Icon name={isCreator() ? "settings" : "star"} size={18} />
            {isCreator() ? t("nav.creatorSettings") : t("nav.becomeCreator")}
          </A>
          <A href="/settings/security" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="lock" size={18} /> {t("nav.security")}
          </A>
          <A href="/settings/verification" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="shield" size={18} /> {t("nav.verification")}
          </A>
          <Show when={isCreator()}>
            <A href="/settings/records" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="file" size={18} /> {t("nav.records")}
            </A>
          </Show>
          <A href="/settings/api-keys" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="lock" size={18} /> {t("nav.apiKeys")}
          </A>
          <Show when={isCreator() || isAdmin()}>
            <A href="/settings/webhooks" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="send" size={18} /> {t("nav.webhooks")}
            </A>
          </Show>
          <A href="/settings/notifications" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="bell" size={18} /> {t("nav.notificationSettings")}
          </A>
          <A href="/settings/blocked" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="block" size={18} /> {t("nav.blocked")}
          </A>
          <A href="/settings/privacy" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="shield" size={18} /> {t("nav.privacy")}
          </A>
          <button
            type="button"
            role="menuitem"
            class="menu-item"
            onClick={() => {
              toggleTheme();
            }}
          >
            <Icon name={theme() === "dark" ? "sun" : "moon"} size={18} />
            {theme() === "dark" ? t("nav.lightTheme") : t("nav.darkTheme")}
          </button>
          <LanguageMenuItems />
          <div class="menu-sep" role="separator" />
          <button
            type="button"
            role="menuitem"
            class="menu-item"
            onClick={() => {
              close();
              void doLogout(false);
            }}
          >
            <Icon name="logout" size={18} /> {t("nav.logOut")}
          </button>
          <button
            type="button"
            role="menuitem"
            class="menu-item"
            onClick={() => {
              close();
              void doLogout(true);
            }}
          >
            <Icon name="logout" size={18} /> {t("nav.logOutEverywhere")}
          </button>
        </>
      )}
    </Menu>
  );
}
