// A person as a link to their page: avatar, display name and @username (list rows).
import { A } from "@solidjs/router";
import type { PublicUser } from "../api/schema.gen";
import Avatar from "./Avatar";

export default function PersonLink(props: { person: PublicUser }) {
  return (
    <A href={`/${props.person.username}`} class="sub-who">
      <Avatar
        name={props.person.displayName}
        username={props.person.username}
        url={props.person.avatarUrl}
        srcset={props.person.avatarSrcset}
      />
      <span class="sub-names">
        <strong class="truncate">{props.person.displayName}</strong>
        <span class="muted truncate small">@{props.person.username}</span>
      </span>
    </A>
  );
}
