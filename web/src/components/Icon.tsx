// Line icons drawn on a 24×24 grid; decorative unless given a label.
import type { JSX } from "solid-js";

export type IconName =
  | "home"
  | "compass"
  | "message"
  | "bell"
  | "wallet"
  | "chart"
  | "shield"
  | "lock"
  | "heart"
  | "heart-filled"
  | "comment"
  | "more"
  | "sun"
  | "moon"
  | "plus"
  | "image"
  | "calendar"
  | "search"
  | "close"
  | "check"
  | "user"
  | "settings"
  | "logout"
  | "edit"
  | "trash"
  | "file"
  | "star"
  | "gift"
  | "card"
  | "coin"
  | "download"
  | "repeat"
  | "bank"
  | "receipt"
  | "arrow-in"
  | "arrow-out"
  | "undo"
  | "play"
  | "folder"
  | "chevron-left"
  | "chevron-right"
  | "send"
  | "check-double"
  | "megaphone"
  | "arrow-left"
  | "block"
  | "clock"
  | "arrow-down"
  | "live"
  | "eye"
  | "laptop"
  | "phone"
  | "copy"
  | "volume"
  | "mic-off"
  | "flag"
  | "badge-check"
  | "refresh"
  | "bookmark"
  | "bookmark-filled"
  | "pin"
  | "hash"
  | "globe";

// Functions, not nodes: a Solid JSX node can live in one place only.
const paths: Record<IconName, () => JSX.Element> = {
  bookmark: () => <path d="M6 3.5h12v17l-6-4.2-6 4.2z" />,
  "bookmark-filled": () => <path d="M6 3.5h12v17l-6-4.2-6 4.2z" fill="currentColor" />,
  pin: () => (
    <>
      <path d="M9 3.5h6l-1 5 3.5 3.5h-11L10 8.5z" />
      <path d="M12 12v8.5" />
    </>
  ),
  hash: () => <path d="M9 3.5 7 20.5M17 3.5l-2 17M4 8.5h16.5M3.5 15.5H20" />,
  flag: () => <path d="M5 21V4m0 0h11l-2 4 2 4H5" />,
  "badge-check": () => (
    <>
      <path d="M12 2.5 14.6 4.4l3.2-.1 1 3 2.6 1.9-1 3 1 3-2.6 1.9-1 3-3.2-.1L12 21.5l-2.6-1.9-3.2.1-1-3L2.6 14.8l1-3-1-3 2.6-1.9 1-3 3.2.1z" />
      <path d="m8.5 12 2.5 2.5 4.5-5" />
    </>
  ),
  refresh: () => (
    <>
      <path d="M20 11a8 8 0 0 0-14.3-4.9L4 8" />
      <path d="M4 4v4h4" />
      <path d="M4 13a8 8 0 0 0 14.3 4.9L20 16" />
      <path d="M20 20v-4h-4" />
    </>
  ),
  home: () => <path d="M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z" />,
  compass: () => (
    <>
      <circle cx="12" cy="12" r="9" />
      <path d="m15.5 8.5-2 5-5 2 2-5z" />
    </>
  ),
  message: () => <path d="M4 5h16v11H9l-5 4z" />,
  bell: () => (
    <>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
    </>
  ),
  wallet: () => (
    <>
      <path d="M4 7h15a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a2 2 0 0 1 2-2h11v3" />
      <circle cx="16" cy="13.5" r="1.2" />
    </>
  ),
  chart: () => <path d="M4 20V4M4 20h16M8 16v-4M12 16V8M16 16v-6" />,
  shield: () => <path d="M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6z" />,
  laptop: () => (
    <>
      <rect x="4" y="5" width="16" height="11" rx="1.5" />
      <path d="M2 19h20" />
    </>
  ),
  phone: () => (
    <>
      <rect x="7" y="2.5" width="10" height="19" rx="2" />
      <path d="M11 18.5h2" />
    </>
  ),
  lock: () => (
    <>
      <rect x="5" y="10.5" width="14" height="10" rx="2" />
      <path d="M8 10.5V8a4 4 0 0 1 8 0v2.5" />
    </>
  ),
  heart: () => (
    <path d="M12 20s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 7.2a4.3 4.3 0 0 1 7.5 2.6C19.5 15.4 12 20 12 20z" />
  ),
  "heart-filled": () => (
    <path
      fill="currentColor"
      d="M12 20s-7.5-4.6-7.5-10.2A4.3 4.3 0 0 1 12 7.2a4.3 4.3 0 0 1 7.5 2.6C19.5 15.4 12 20 12 20z"
    />
  ),
  comment: () => <path d="M20 12a8 8 0 0 1-11.6 7.1L4 20l1-4.2A8 8 0 1 1 20 12z" />,
  more: () => (
    <>
      <circle cx="5.5" cy="12" r="1.3" fill="currentColor" />
      <circle cx="12" cy="12" r="1.3" fill="currentColor" />
      <circle cx="18.5" cy="12" r="1.3" fill="currentColor" />
    </>
  ),
  sun: () => (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4" />
    </>
  ),
  moon: () => <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />,
  plus: () => <path d="M12 5v14M5 12h14" />,
  image: () => (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="2" />
      <circle cx="9" cy="10" r="1.6" />
      <path d="m4 18 5-5 4 4 3-3 4 4" />
    </>
  ),
  calendar: () => (
    <>
      <rect x="3.5" y="5" width="17" height="15" rx="2" />
      <path d="M3.5 10h17M8 3v4M16 3v4" />
    </>
  ),
  search: () => (
    <>
      <circle cx="11" cy="11" r="6.5" />
      <path d="m16 16 4.5 4.5" />
    </>
  ),
  close: () => <path d="M6 6l12 12M18 6 6 18" />,
  check: () => <path d="m5 12.5 4.5 4.5L19 7.5" />,
  user: () => (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 20.5c1.2-4 4.3-6 8-6s6.8 2 8 6" />
    </>
  ),
  settings: () => (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2.8v2.4M12 18.8v2.4M21.2 12h-2.4M5.2 12H2.8M18.5 5.5l-1.7 1.7M7.2 16.8l-1.7 1.7M18.5 18.5l-1.7-1.7M7.2 7.2 5.5 5.5" />
    </>
  ),
  logout: () => <path d="M10 4H5v16h5M15 8l4 4-4 4M19 12H9" />,
  edit: () => <path d="M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4" />,
  trash: () => <path d="M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13" />,
  file: () => <path d="M6 3h8l4 4v14H6zM14 3v4h4" />,
  star: () => <path d="m12 3.5 2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8L3.5 9.7l5.9-.8z" />,
  gift: () => (
    <>
      <rect x="4" y="9" width="16" height="11" rx="1" />
      <path d="M3 9h18M12 9v11M12 9C9.5 9 7.5 7.9 7.5 6.2S9.9 3.9 12 9c2.1-5.1 4.5-4.5 4.5-2.8S14.5 9 12 9" />
    </>
  ),
  card: () => (
    <>
      <rect x="3" y="5.5" width="18" height="13" rx="2" />
      <path d="M3 10h18M7 15h4" />
    </>
  ),
  coin: () => (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M14.8 9.2c-.5-.9-1.5-1.4-2.8-1.4-1.6 0-2.7.8-2.7 2s1.1 1.7 2.7 2.1c1.7.4 2.9.9 2.9 2.2s-1.2 2.1-2.9 2.1c-1.4 0-2.5-.6-3-1.6M12 6v1.8M12 16.2V18" />
    </>
  ),
  download: () => <path d="M12 4v11M7 10.5l5 5 5-5M5 20h14" />,
  repeat: () => (
    <path d="M17 3.5 20 6.5l-3 3M4 11.5v-2a3 3 0 0 1 3-3h13M7 20.5l-3-3 3-3M20 12.5v2a3 3 0 0 1-3 3H4" />
  ),
  bank: () => <path d="M3.5 9.5 12 4l8.5 5.5zM5.5 10v7.5M10 10v7.5M14 10v7.5M18.5 10v7.5M3.5 20h17" />,
  receipt: () => <path d="M6 3h12v18l-2.5-1.6L13 21l-2.5-1.6L8 21 6 19.6zM9 8h6M9 12h6M9 16h3" />,
  "arrow-in": () => <path d="M17 7 7 17M7 9v8h8" />,
  "arrow-out": () => <path d="M7 17 17 7M9 7h8v8" />,
  undo: () => <path d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />,
  play: () => <path d="M7 4.5v15l12.5-7.5z" />,
  folder: () => (
    <path d="M3 6.5A1.5 1.5 0 0 1 4.5 5H9l2 2.5h8.5A1.5 1.5 0 0 1 21 9v9.5a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 18.5z" />
  ),
  "chevron-left": () => <path d="m14.5 6-6 6 6 6" />,
  "chevron-right": () => <path d="m9.5 6 6 6-6 6" />,
  send: () => <path d="M4 12 20 4l-4.5 16-3.5-6.5zM12 13.5 20 4" />,
  "check-double": () => <path d="m2.5 12.5 4.5 4.5L17 7M12 16.5l.5.5L22 7.5" />,
  megaphone: () => (
    <path d="M4 10v4a1 1 0 0 0 1 1h2l5 4V5L7 9H5a1 1 0 0 0-1 1zM16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" />
  ),
  "arrow-left": () => <path d="M19 12H5M11 6l-6 6 6 6" />,
  block: () => (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="m6 6 12 12" />
    </>
  ),
  globe: () => (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.3 2.4 3.5 5.2 3.5 8.5s-1.2 6.1-3.5 8.5c-2.3-2.4-3.5-5.2-3.5-8.5s1.2-6.1 3.5-8.5z" />
    </>
  ),
  clock: () => (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  "arrow-down": () => <path d="M12 5v14M6 13l6 6 6-6" />,
  live: () => (
    <>
      <circle cx="12" cy="12" r="2.2" />
      <path d="M8.1 8.1a5.5 5.5 0 0 0 0 7.8M15.9 8.1a5.5 5.5 0 0 1 0 7.8M5.3 5.3a9.5 9.5 0 0 0 0 13.4M18.7 5.3a9.5 9.5 0 0 1 0 13.4" />
    </>
  ),
  eye: () => (
    <>
      <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" />
      <circle cx="12" cy="12" r="3" />
    </>
  ),
  copy: () => (
    <>
      <rect x="8.5" y="8.5" width="11" height="11" rx="2" />
      <path d="M15.5 8.5V6a1.5 1.5 0 0 0-1.5-1.5H6A1.5 1.5 0 0 0 4.5 6v8A1.5 1.5 0 0 0 6 15.5h2.5" />
    </>
  ),
  volume: () => <path d="M4 9.5h3.5L12 5.5v13l-4.5-4H4zM15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11" />,
  "mic-off": () => (
    <path d="M9 9V6a3 3 0 0 1 5.8-1M15 11v1a3 3 0 0 1-4.6 2.5M6 11a6 6 0 0 0 9.7 4.7M18 11a6 6 0 0 1-.5 2.4M12 18v3M4 4l16 16" />
  ),
};

export default function Icon(props: { name: IconName; size?: number; label?: string; class?: string }) {
  const size = () => props.size ?? 20;
  return (
    <svg
      class={props.class ? `icon ${props.class}` : "icon"}
      width={size()}
      height={size()}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      role={props.label ? "img" : undefined}
      aria-label={props.label}
      aria-hidden={props.label ? undefined : "true"}
    >
      {paths[props.name]()}
    </svg>
  );
}
