import { A, useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { errorMessage } from "../api/client";
import type { User } from "../api/schema.gen";
import { isAdmin, isCreator, logout } from "../stores/session";
import { liveEnabled } from "../stores/site";
import { theme, toggleTheme } from "../stores/theme";
import { toast } from "../stores/toasts";
import Avatar from "./Avatar";
import Icon from "./Icon";
import Menu from "./Menu";

export default function ProfileMenu(props: { user: User; compact?: boolean; placement?: "above" | "below" }) {
  const navigate = useNavigate();
  const u = () => props.user;

  async function doLogout(everywhere: boolean) {
    try {
      await logout(everywhere);
      toast(everywhere ? "Logged out on every device" : "Logged out", "success");
      navigate("/");
    } catch (err) {
      toast(errorMessage(err), "error");
    }
  }

  return (
    <Menu
      label={`Account menu for @${u().username}`}
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
          <Show when={!props.compact}>
            <span class="profile-btn-names">
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
              <Icon name="user" size={18} /> My page
            </A>
            <Show when={liveEnabled()}>
              <A href="/live" role="menuitem" class="menu-item" onClick={close}>
                <Icon name="live" size={18} /> Go live
              </A>
            </Show>
            <A href="/drafts" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="file" size={18} /> Drafts &amp; scheduled
            </A>
            <A href="/vault" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="folder" size={18} /> Vault
            </A>
          </Show>
          <A href="/wallet" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="wallet" size={18} /> Wallet
          </A>
          <A href="/subscriptions" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="repeat" size={18} /> Subscriptions
          </A>
          <Show when={isCreator()}>
            <A href="/earnings" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="chart" size={18} /> Earnings
            </A>
          </Show>
          <Show when={isAdmin()}>
            <A href="/admin" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="shield" size={18} /> Admin
            </A>
          </Show>
          <div class="menu-sep" role="separator" />
          <A href="/settings/creator" role="menuitem" class="menu-item" onClick={close}>
            <Icon name={isCreator() ? "settings" : "star"} size={18} />
            {isCreator() ? "Creator settings" : "Become a creator"}
          </A>
          <A href="/settings/security" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="lock" size={18} /> Security
          </A>
          <A href="/settings/verification" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="shield" size={18} /> Identity verification
          </A>
          <Show when={isCreator()}>
            <A href="/settings/records" role="menuitem" class="menu-item" onClick={close}>
              <Icon name="file" size={18} /> Records (2257)
            </A>
          </Show>
          <A href="/settings/notifications" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="bell" size={18} /> Notification settings
          </A>
          <A href="/settings/blocked" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="block" size={18} /> Blocked people
          </A>
          <A href="/settings/privacy" role="menuitem" class="menu-item" onClick={close}>
            <Icon name="shield" size={18} /> Privacy &amp; your data
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
            {theme() === "dark" ? "Light theme" : "Dark theme"}
          </button>
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
            <Icon name="logout" size={18} /> Log out
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
            <Icon name="logout" size={18} /> Log out everywhere
          </button>
        </>
      )}
    </Menu>
  );
}
