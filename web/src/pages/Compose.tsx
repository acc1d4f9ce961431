import { usePageTitle } from "../lib/page-title";
import { t } from "../i18n";
import { useNavigate } from "@solidjs/router";
import Composer from "../components/Composer";
import KycNotice from "../components/compliance/KycNotice";
import { RequireCreator } from "../components/Guards";
import { feed } from "../stores/feed";
import { user } from "../stores/session";

export default function Compose() {
  usePageTitle(() => t("compose.newPost"));
  const navigate = useNavigate();
  return (
    <RequireCreator>
      <div class="stack">
        <h1 class="page-title">{t("compose.newPost")}</h1>
        <KycNotice action={t("compliance.kycActionPublish")} />
        <Composer
          autofocus
          onSaved={(post) => {
            if (post.status === "published") {
              feed.prepend(post);
              navigate(`/${user()?.username ?? ""}`);
            } else {
              navigate(post.status === "scheduled" ? "/drafts?tab=scheduled" : "/drafts");
            }
          }}
        />
      </div>
    </RequireCreator>
  );
}
